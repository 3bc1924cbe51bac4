//! Where a typed town or postcode is, roughly, so "near a place" works without a connection.
//!
//! A small table written for Open Door (docs/places.md says how and how precise it is): the 121
//! postcode areas of Great Britain and Northern Ireland, each placed at its main post town's
//! centre, plus a few towns that are not the name of an area. Accurate to a few kilometres for the
//! town itself; for a large rural area (e.g. "IV", Inverness) a place in it may be 50 km or more
//! from the point used, so distances from a postcode area are approximate.

use crate::listing::Geo;

/// (postcode area, post town, latitude, longitude).
pub const AREAS: &[(&str, &str, f64, f64)] = &[
    ("AB", "Aberdeen", 57.149, -2.094),
    ("AL", "St Albans", 51.752, -0.336),
    ("B", "Birmingham", 52.480, -1.903),
    ("BA", "Bath", 51.381, -2.359),
    ("BB", "Blackburn", 53.748, -2.482),
    ("BD", "Bradford", 53.795, -1.759),
    ("BH", "Bournemouth", 50.720, -1.880),
    ("BL", "Bolton", 53.578, -2.429),
    ("BN", "Brighton", 50.822, -0.137),
    ("BR", "Bromley", 51.406, 0.015),
    ("BS", "Bristol", 51.455, -2.588),
    ("BT", "Belfast", 54.597, -5.930),
    ("CA", "Carlisle", 54.892, -2.933),
    ("CB", "Cambridge", 52.205, 0.122),
    ("CF", "Cardiff", 51.481, -3.179),
    ("CH", "Chester", 53.193, -2.893),
    ("CM", "Chelmsford", 51.736, 0.469),
    ("CO", "Colchester", 51.889, 0.901),
    ("CR", "Croydon", 51.372, -0.099),
    ("CT", "Canterbury", 51.280, 1.079),
    ("CV", "Coventry", 52.407, -1.512),
    ("CW", "Crewe", 53.099, -2.441),
    ("DA", "Dartford", 51.446, 0.218),
    ("DD", "Dundee", 56.462, -2.971),
    ("DE", "Derby", 52.922, -1.476),
    ("DG", "Dumfries", 55.070, -3.605),
    ("DH", "Durham", 54.776, -1.576),
    ("DL", "Darlington", 54.524, -1.553),
    ("DN", "Doncaster", 53.523, -1.133),
    ("DT", "Dorchester", 50.715, -2.437),
    ("DY", "Dudley", 52.512, -2.081),
    ("E", "London", 51.538, -0.030),
    ("EC", "London", 51.517, -0.093),
    ("EH", "Edinburgh", 55.953, -3.189),
    ("EN", "Enfield", 51.652, -0.081),
    ("EX", "Exeter", 50.718, -3.534),
    ("FK", "Falkirk", 56.002, -3.784),
    ("FY", "Blackpool", 53.817, -3.036),
    ("G", "Glasgow", 55.861, -4.250),
    ("GL", "Gloucester", 51.864, -2.244),
    ("GU", "Guildford", 51.236, -0.570),
    ("HA", "Harrow", 51.580, -0.334),
    ("HD", "Huddersfield", 53.645, -1.785),
    ("HG", "Harrogate", 53.992, -1.541),
    ("HP", "Hemel Hempstead", 51.753, -0.448),
    ("HR", "Hereford", 52.056, -2.716),
    ("HS", "Stornoway", 58.209, -6.387),
    ("HU", "Hull", 53.745, -0.336),
    ("HX", "Halifax", 53.721, -1.863),
    ("IG", "Ilford", 51.559, 0.074),
    ("IP", "Ipswich", 52.057, 1.148),
    ("IV", "Inverness", 57.478, -4.224),
    ("KA", "Kilmarnock", 55.611, -4.496),
    ("KT", "Kingston upon Thames", 51.412, -0.300),
    ("KW", "Kirkwall", 58.981, -2.960),
    ("KY", "Kirkcaldy", 56.110, -3.162),
    ("L", "Liverpool", 53.408, -2.992),
    ("LA", "Lancaster", 54.047, -2.801),
    ("LD", "Llandrindod Wells", 52.242, -3.378),
    ("LE", "Leicester", 52.637, -1.135),
    ("LL", "Llandudno", 53.324, -3.828),
    ("LN", "Lincoln", 53.230, -0.540),
    ("LS", "Leeds", 53.797, -1.548),
    ("LU", "Luton", 51.879, -0.418),
    ("M", "Manchester", 53.480, -2.243),
    ("ME", "Rochester", 51.388, 0.506),
    ("MK", "Milton Keynes", 52.041, -0.759),
    ("ML", "Motherwell", 55.789, -3.991),
    ("N", "London", 51.565, -0.110),
    ("NE", "Newcastle upon Tyne", 54.978, -1.617),
    ("NG", "Nottingham", 52.954, -1.158),
    ("NN", "Northampton", 52.240, -0.903),
    ("NP", "Newport", 51.584, -2.998),
    ("NR", "Norwich", 52.630, 1.297),
    ("NW", "London", 51.545, -0.170),
    ("OL", "Oldham", 53.541, -2.118),
    ("OX", "Oxford", 51.752, -1.258),
    ("PA", "Paisley", 55.846, -4.424),
    ("PE", "Peterborough", 52.573, -0.241),
    ("PH", "Perth", 56.396, -3.437),
    ("PL", "Plymouth", 50.376, -4.143),
    ("PO", "Portsmouth", 50.805, -1.087),
    ("PR", "Preston", 53.763, -2.703),
    ("RG", "Reading", 51.454, -0.973),
    ("RH", "Redhill", 51.240, -0.170),
    ("RM", "Romford", 51.575, 0.183),
    ("S", "Sheffield", 53.381, -1.470),
    ("SA", "Swansea", 51.621, -3.944),
    ("SE", "London", 51.470, -0.060),
    ("SG", "Stevenage", 51.903, -0.202),
    ("SK", "Stockport", 53.408, -2.149),
    ("SL", "Slough", 51.511, -0.595),
    ("SM", "Sutton", 51.361, -0.194),
    ("SN", "Swindon", 51.558, -1.782),
    ("SO", "Southampton", 50.910, -1.404),
    ("SP", "Salisbury", 51.069, -1.795),
    ("SR", "Sunderland", 54.906, -1.381),
    ("SS", "Southend-on-Sea", 51.538, 0.714),
    ("ST", "Stoke-on-Trent", 53.003, -2.180),
    ("SW", "London", 51.465, -0.160),
    ("SY", "Shrewsbury", 52.708, -2.754),
    ("TA", "Taunton", 51.015, -3.107),
    ("TD", "Galashiels", 55.617, -2.807),
    ("TF", "Telford", 52.678, -2.446),
    ("TN", "Tonbridge", 51.195, 0.275),
    ("TQ", "Torquay", 50.462, -3.525),
    ("TR", "Truro", 50.263, -5.051),
    ("TS", "Middlesbrough", 54.574, -1.235),
    ("TW", "Twickenham", 51.447, -0.330),
    ("UB", "Southall", 51.510, -0.376),
    ("W", "London", 51.510, -0.200),
    ("WA", "Warrington", 53.390, -2.597),
    ("WC", "London", 51.517, -0.120),
    ("WD", "Watford", 51.656, -0.390),
    ("WF", "Wakefield", 53.683, -1.499),
    ("WN", "Wigan", 53.545, -2.632),
    ("WR", "Worcester", 52.192, -2.220),
    ("WS", "Walsall", 52.586, -1.982),
    ("WV", "Wolverhampton", 52.587, -2.129),
    ("YO", "York", 53.960, -1.082),
    ("ZE", "Lerwick", 60.155, -1.145),
];

/// Towns people are likely to type that are not an area's name: (town, latitude, longitude).
pub const TOWNS: &[(&str, f64, f64)] = &[
    ("Barnsley", 53.553, -1.479),
    ("Bury", 53.593, -2.298),
    ("Cheltenham", 51.900, -2.078),
    ("Gateshead", 54.953, -1.604),
    ("Grimsby", 53.567, -0.080),
    ("Hastings", 50.855, 0.573),
    ("Huddersfield", 53.645, -1.785),
    ("Kingston upon Hull", 53.745, -0.336),
    ("Maidstone", 51.272, 0.522),
    ("Mansfield", 53.147, -1.198),
    ("Newcastle", 54.978, -1.617),
    ("Rochdale", 53.616, -2.156),
    ("Rotherham", 53.430, -1.357),
    ("Salford", 53.488, -2.291),
    ("Scarborough", 54.283, -0.400),
    ("Stoke", 53.003, -2.180),
    ("Wrexham", 53.046, -2.993),
];

/// A place someone typed, found in the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// As we will show it: "Leeds", or "LS (Leeds)" for a postcode area.
    pub name: String,
    pub geo: Geo,
    /// The postcode area, when the place is one or is an area's town.
    pub area: Option<&'static str>,
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The postcode area of a postcode or outward code: "LS6 3AB" → "LS", "m1" → "M", "EC1A" → "EC".
/// None when it does not start like a UK postcode or the area is not in the table.
pub fn postcode_area(text: &str) -> Option<&'static str> {
    let t: String = text.trim().to_ascii_uppercase();
    let letters: String = t.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let rest = &t[letters.len()..];
    if letters.is_empty() || letters.len() > 2 || !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    AREAS.iter().find(|a| a.0 == letters).map(|a| a.0)
}

/// Finds a town, an area's town, a postcode or a postcode area.
pub fn find(text: &str) -> Option<Found> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(area) = postcode_area(t) {
        let a = AREAS.iter().find(|a| a.0 == area)?;
        return Some(Found {
            name: format!("{} ({})", t.to_ascii_uppercase(), a.1),
            geo: Geo { lat: a.2, lng: a.3 },
            area: Some(a.0),
        });
    }
    let n = norm(t);
    // A bare area code ("LS", "m") is accepted too.
    if t.len() <= 2 && t.chars().all(|c| c.is_ascii_alphabetic()) {
        let up = t.to_ascii_uppercase();
        if let Some(a) = AREAS.iter().find(|a| a.0 == up) {
            return Some(Found {
                name: format!("{} ({})", a.0, a.1),
                geo: Geo { lat: a.2, lng: a.3 },
                area: Some(a.0),
            });
        }
    }
    if let Some(a) = AREAS.iter().find(|a| norm(a.1) == n) {
        return Some(Found {
            name: a.1.to_owned(),
            geo: Geo { lat: a.2, lng: a.3 },
            area: Some(a.0),
        });
    }
    TOWNS.iter().find(|w| norm(w.0) == n).map(|w| Found {
        name: w.0.to_owned(),
        geo: Geo { lat: w.1, lng: w.2 },
        area: None,
    })
}

/// Great-circle distance in miles (haversine; the Earth as a sphere is plenty for this).
pub fn miles(a: Geo, b: Geo) -> f64 {
    const R_MILES: f64 = 3958.8;
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = la2 - la1;
    let dlng = (b.lng - a.lng).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlng / 2.0).sin().powi(2);
    2.0 * R_MILES * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sane() {
        assert_eq!(AREAS.len(), 121);
        for (area, town, lat, lng) in AREAS {
            assert!((49.8..=60.9).contains(lat), "{area} {town}");
            assert!((-8.2..=1.8).contains(lng), "{area} {town}");
        }
        let mut codes: Vec<_> = AREAS.iter().map(|a| a.0).collect();
        codes.dedup();
        assert_eq!(codes.len(), AREAS.len(), "sorted and unique");
    }

    #[test]
    fn finds_towns_postcodes_and_areas() {
        assert_eq!(find("leeds").map(|f| f.area), Some(Some("LS")));
        assert_eq!(find("LS6 3AB").map(|f| f.area), Some(Some("LS")));
        assert_eq!(find("ls6").map(|f| f.name), Some("LS6 (Leeds)".into()));
        assert_eq!(find("M1").map(|f| f.area), Some(Some("M")));
        assert_eq!(find("EC1A 1BB").map(|f| f.area), Some(Some("EC")));
        assert_eq!(find("Stoke-on-Trent").map(|f| f.area), Some(Some("ST")));
        assert_eq!(find("Bury").map(|f| f.name), Some("Bury".into()));
        assert_eq!(find("Atlantis"), None);
        assert_eq!(find("QQ1"), None);
        assert_eq!(find(""), None);
    }

    #[test]
    fn distances_in_miles() {
        let leeds = find("Leeds").unwrap().geo;
        let bradford = find("Bradford").unwrap().geo;
        let london = find("London").unwrap().geo;
        let d = miles(leeds, bradford);
        assert!((7.0..11.0).contains(&d), "Leeds–Bradford {d}");
        let d = miles(leeds, london);
        assert!((165.0..180.0).contains(&d), "Leeds–London {d}");
    }
}
