//! What the server writes to its log, at the most talkative level, while people apply (plain
//! and sealed), check their status, withdraw and organisers read: never a token, a name, an
//! email, an answer or an envelope.

use std::io::{BufRead, BufReader};
use std::sync::{mpsc, Arc, Mutex};

use opendoor_core::seal::SEALED_CONTENT_TYPE;
use serde_json::{json, Value};

use crate::common::*;

const NAME: &str = "Zebedee Quartermain";
const EMAIL: &str = "zq.private@example.org";
const ANSWER: &str = "Because my neighbour Philippa told me";

fn person() -> Value {
    let mut a = application("l1");
    a["applicant"]["name"] = json!(NAME);
    a["applicant"]["email"] = json!(EMAIL);
    a["answers"]["why"] = json!(ANSWER);
    a
}

#[tokio::test]
async fn no_secret_or_personal_data_reaches_the_log_even_at_trace_level() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    put_listings(&db, &[listing("l1", "Org A")]);
    let org_token = organiser(&db, "Org A");
    let mut child = server_bin()
        .args(["serve", "--listen", "127.0.0.1:0", "--log-format", "json"])
        .arg("--db")
        .arg(crate::common::db_arg(&db))
        .arg("--app")
        .arg(dir.path().join("no-app"))
        .env("RUST_LOG", "trace")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(String::new()));
    let (addr_tx, addr_rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    let sink = log.clone();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if let Ok(v) = serde_json::from_str::<Value>(&line) {
                if let Some(a) = v["fields"]["addr"].as_str() {
                    let _ = addr_tx.send(a.to_owned());
                }
            }
            sink.lock().unwrap().push_str(&line);
            sink.lock().unwrap().push('\n');
        }
    });
    let addr = addr_rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the server logs its address");
    let base = format!("http://{addr}");
    let c = client();

    // A sealed application, its replay, and one that does not open.
    let key: Value = c
        .get(format!("{base}/api/v1/seal-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let public: [u8; 65] = opendoor_core::seal::unb64(key["publicKey"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    let envelope = sealed(
        &(key["kid"].as_str().unwrap().to_owned(), public),
        &person(),
    );
    let idem = self::key();
    let mut receipts = Vec::new();
    for body in [&envelope, &envelope] {
        let res = c
            .post(format!("{base}/api/v1/applications"))
            .header("Idempotency-Key", &idem)
            .header("content-type", SEALED_CONTENT_TYPE)
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        receipts.push(res.json::<Value>().await.unwrap());
    }
    let mut broken: Value = serde_json::from_str(&envelope).unwrap();
    broken["ct"] = json!("AAAAAAAAAAAAAAAAAAAAAAAA");
    let res = c
        .post(format!("{base}/api/v1/applications"))
        .header("Idempotency-Key", self::key())
        .header("content-type", SEALED_CONTENT_TYPE)
        .body(broken.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    // A plain one, and a refused one that echoes answers back to the sender.
    let res = c
        .post(format!("{base}/api/v1/applications"))
        .header("Idempotency-Key", self::key())
        .json(&person())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    receipts.push(res.json::<Value>().await.unwrap());
    let mut bad = person();
    bad["applicant"]["phone"] = json!(format!("{NAME} phone"));
    let res = c
        .post(format!("{base}/api/v1/applications"))
        .header("Idempotency-Key", self::key())
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);

    // Status, a wrong token, the organiser's view, and withdrawing.
    let id = receipts[0]["id"].as_str().unwrap();
    let token = receipts[0]["statusToken"].as_str().unwrap();
    let url = format!("{base}/api/v1/applications/{id}");
    assert_eq!(
        c.get(&url)
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        c.get(&url)
            .bearer_auth("od_app_wrong-guess")
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let list = c
        .get(format!("{base}/api/v1/organiser/applications"))
        .bearer_auth(&org_token)
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), 200);
    assert_eq!(
        c.delete(&url)
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );

    let status = std::process::Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();

    let log = log.lock().unwrap().clone();
    assert!(
        log.contains("application stored"),
        "the log is being captured: {log}"
    );
    assert!(
        log.contains("sealed-does-not-open"),
        "refusals are logged by code: {log}"
    );
    let broken_ct = broken["ct"].as_str().unwrap().to_owned();
    let envelope: Value = serde_json::from_str(&envelope).unwrap();
    let mut secrets = vec![
        NAME.to_owned(),
        "Zebedee".to_owned(),
        EMAIL.to_owned(),
        "zq.private".to_owned(),
        ANSWER.to_owned(),
        "Philippa".to_owned(),
        org_token.clone(),
        org_token[8..40].to_owned(),
        "od_app_wrong-guess".to_owned(),
        idem.clone(),
        envelope["ct"].as_str().unwrap().to_owned(),
        envelope["epk"].as_str().unwrap().to_owned(),
        broken_ct,
    ];
    for r in &receipts {
        if let Some(t) = r["statusToken"].as_str() {
            secrets.push(t.to_owned());
            secrets.push(t[8..40].to_owned());
        }
        secrets.push(r["id"].as_str().unwrap().to_owned());
    }
    for s in &secrets {
        assert!(!log.contains(s.as_str()), "the log contains {s:?}:\n{log}");
    }
}
