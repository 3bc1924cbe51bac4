//! `opendoor-server`: the command line. Every flag can also be set by an environment variable.

use std::path::PathBuf;

use opendoor_server::db_target::DbTarget;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use opendoor_server::clock::{rfc3339, Clock};
use opendoor_server::page_cache::DEFAULT_CACHE_BYTES;
use opendoor_server::rate_limit::{
    RateLimits, DEFAULT_APPLICATIONS_PER_MINUTE, DEFAULT_FEED_PER_MINUTE, DEFAULT_MAX_CLIENTS,
    DEFAULT_STATUS_PER_MINUTE,
};
use opendoor_server::store::{Store, StoreError, DEFAULT_RETAIN_DAYS};
use opendoor_server::{conn, export, feed, import, shutdown_signal, ServeConfig, Server};

mod cli_sources;

#[derive(Parser)]
#[command(
    name = "opendoor-server",
    version,
    about = "Open Door's reference server"
)]
struct Cli {
    /// Log format: "text" or "json". Filter with RUST_LOG (default: info).
    #[arg(
        long,
        global = true,
        env = "OPENDOOR_LOG_FORMAT",
        default_value = "text"
    )]
    log_format: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app, the feed and the API.
    Serve(ServeArgs),
    /// Import listings from feed pages (RPDE JSON), the CSV template or VDS JSON-LD, in one
    /// transaction. The kind of each file is told by its content.
    Import(ImportArgs),
    /// Write the feed as static RPDE pages (page-1.json, ...) into DIR.
    ExportStatic(ExportStaticArgs),
    /// Organiser tokens.
    Organiser {
        #[command(subcommand)]
        command: OrganiserCommand,
    },
    /// Purge now what has outlived its time: day-old idempotency records, fingerprints of
    /// envelopes whose key is erased, and applicants' details past the retention period.
    Purge {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
        /// Erase applicants' details this many days after the listing closed.
        #[arg(long, env = "OPENDOOR_RETAIN_DAYS", default_value_t = DEFAULT_RETAIN_DAYS)]
        retain_days: u32,
    },
    /// The server's keys for sealed applications (docs/encryption.md).
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Other publishers this server follows: RPDE feeds, VDS documents, CSV spreadsheets.
    Sources {
        #[command(subcommand)]
        command: SourcesCommand,
    },
    /// Harvest the sources whose time has come, once (for cron; `serve` does this itself).
    Harvest(HarvestArgs),
    /// Copy the SQLite database to OUT (a new file, readable by you only) while the server
    /// runs. PostgreSQL: use pg_dump (docs/deployment.md, "Backups").
    Backup {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
        /// The backup file to make; it must not exist yet.
        out: PathBuf,
    },
    /// Put a backup in place as the database. A database that holds anything is only replaced with
    /// --force, and is kept beside it first (DB.before-restore-TIME). Stop the servers first.
    Restore {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
        /// The backup file (from `backup`).
        backup: PathBuf,
        /// Replace a database that already holds listings or applications.
        #[arg(long)]
        force: bool,
    },
}

/// The harvester's manners and bounds (docs/server.md, "Following other publishers").
#[derive(Args, Clone)]
struct HarvestFlags {
    /// Who runs this server (an email address or web page), sent in the User-Agent so
    /// publishers can reach you.
    #[arg(long, env = "OPENDOOR_CONTACT", default_value = "no contact given")]
    contact: String,
    /// Seconds one request may take, body included.
    #[arg(long, env = "OPENDOOR_HARVEST_TIMEOUT_SECS", default_value_t = 30)]
    harvest_timeout_secs: u64,
    /// The most read from one response, in MB (feed pages: 4 MB in any case).
    #[arg(long, env = "OPENDOOR_HARVEST_MAX_MB", default_value_t = 16)]
    harvest_max_mb: usize,
    /// Feed pages read from one source in one run.
    #[arg(long, env = "OPENDOOR_HARVEST_MAX_PAGES", default_value_t = 100)]
    harvest_max_pages: usize,
}

impl HarvestFlags {
    fn config(&self) -> opendoor_server::harvest::HarvestConfig {
        opendoor_server::harvest::HarvestConfig {
            contact: self.contact.clone(),
            timeout: Duration::from_secs(self.harvest_timeout_secs.max(1)),
            max_bytes: self.harvest_max_mb.max(1).saturating_mul(1024 * 1024),
            max_pages: self.harvest_max_pages.max(1),
            ..Default::default()
        }
    }
}

#[derive(Args)]
struct HarvestArgs {
    #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
    db: DbTarget,
    /// Every source now, whatever its schedule.
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    flags: HarvestFlags,
}

#[derive(Subcommand)]
enum SourcesCommand {
    /// Follow a publisher: its RPDE feed, VDS document or CSV file at URL.
    Add {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
        /// rpde, vds, csv, or auto (told by the content).
        #[arg(long, default_value = "auto")]
        kind: String,
        /// Every listing from it belongs to this organisation id (an organisation's own feed).
        #[arg(long)]
        org: Option<String>,
        /// How often: 15m, 1h, 1d (at least a minute).
        #[arg(long, default_value = "1h")]
        every: String,
        /// The publisher's name as people should read it ("from ⟨name⟩"); default: its own
        /// word, else the web address's host.
        #[arg(long)]
        name: Option<String>,
        /// The licence the publisher gave you the listings under (a URL or SPDX id), when the
        /// source does not state one.
        #[arg(long)]
        license: Option<String>,
        url: String,
    },
    /// Every source: its schedule, how its last run went, what is wrong, listings from it.
    List {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
    },
    /// Stop following a source; its listings that no other source lists are withdrawn.
    Remove {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
        url: String,
    },
    /// A dry run: what URL would give, and every problem, in plain words. Saves nothing.
    Check {
        #[arg(long, default_value = "auto")]
        kind: String,
        #[command(flatten)]
        flags: HarvestFlags,
        url: String,
    },
}

#[derive(Args)]
struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "OPENDOOR_LISTEN", default_value = "127.0.0.1:8080")]
    listen: String,
    /// The database: a SQLite file (created, with its folder, if missing) or a PostgreSQL URL,
    /// postgres://user:password@host/dbname?sslmode=require (docs/deployment.md).
    #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
    db: DbTarget,
    /// The built app (trunk's output).
    #[arg(long, env = "OPENDOOR_APP", default_value = "dist")]
    app: PathBuf,
    /// The public address, e.g. https://opendoor.example.org, used in the feed's absolute
    /// `next` links. Unset: taken from each request's Host header (fine on one machine; set
    /// it behind a proxy or CDN).
    #[arg(long, env = "OPENDOOR_PUBLIC_URL")]
    public_url: Option<String>,
    /// Items per feed page.
    #[arg(long, env = "OPENDOOR_PAGE_SIZE", default_value_t = feed::DEFAULT_PAGE_SIZE)]
    page_size: usize,
    /// The licence of the listings, as a URL, carried by every feed page (RPDE requires one).
    #[arg(long, env = "OPENDOOR_LICENSE", default_value = feed::DEFAULT_LICENSE)]
    license: String,
    /// Application POSTs allowed per minute from one client address (0: no limit).
    #[arg(long, env = "OPENDOOR_APPLICATIONS_PER_MINUTE", default_value_t = DEFAULT_APPLICATIONS_PER_MINUTE)]
    applications_per_minute: u32,
    /// Status requests (GET or DELETE /api/v1/applications/{id}) allowed per minute from one
    /// client address (0: no limit).
    #[arg(long, env = "OPENDOOR_STATUS_PER_MINUTE", default_value_t = DEFAULT_STATUS_PER_MINUTE)]
    status_per_minute: u32,
    /// How many client addresses each limit remembers (the oldest are forgotten first).
    #[arg(long, env = "OPENDOOR_RATE_LIMIT_CLIENTS", default_value_t = DEFAULT_MAX_CLIENTS)]
    rate_limit_clients: usize,
    /// Behind one reverse proxy: take the client's address from the last X-Forwarded-For
    /// entry (the one the proxy added). Only set this if every request comes through the
    /// proxy; otherwise anyone can pick their own address.
    #[arg(long, env = "OPENDOOR_TRUST_PROXY")]
    trust_proxy: bool,
    /// Erase applicants' details (name, contact, answers, access needs) this many days after
    /// the listing closed; checked hourly while serving, or run `purge`.
    #[arg(long, env = "OPENDOOR_RETAIN_DAYS", default_value_t = DEFAULT_RETAIN_DAYS)]
    retain_days: u32,
    /// Feed page requests allowed per minute from one client address (0: no limit).
    #[arg(long, env = "OPENDOOR_FEED_PER_MINUTE", default_value_t = DEFAULT_FEED_PER_MINUTE)]
    feed_per_minute: u32,
    /// Memory for rendered feed pages, in MB (least recently used pages go first).
    #[arg(long, env = "OPENDOOR_FEED_CACHE_MB", default_value_t = DEFAULT_CACHE_BYTES / (1024 * 1024))]
    feed_cache_mb: usize,
    /// Seconds a client has to send a request's head (line and headers), counted from when the
    /// server starts waiting for it; so an idle keep-alive connection closes after this too.
    #[arg(long, env = "OPENDOOR_HEADER_TIMEOUT_SECS", value_parser = clap::value_parser!(u64).range(1..), default_value_t = conn::DEFAULT_HEADER_TIMEOUT.as_secs())]
    header_timeout_secs: u64,
    /// Seconds a request body may take to arrive in full (then 408).
    #[arg(long, env = "OPENDOOR_BODY_TIMEOUT_SECS", value_parser = clap::value_parser!(u64).range(1..), default_value_t = conn::DEFAULT_BODY_TIMEOUT.as_secs())]
    body_timeout_secs: u64,
    /// Seconds a connection may go with nothing sent or received before it is closed.
    #[arg(long, env = "OPENDOOR_IDLE_TIMEOUT_SECS", value_parser = clap::value_parser!(u64).range(1..), default_value_t = conn::DEFAULT_IDLE_TIMEOUT.as_secs())]
    idle_timeout_secs: u64,
    /// Connections open at once; more wait (in the listen queue) until one closes.
    #[arg(long, env = "OPENDOOR_MAX_CONNECTIONS", default_value_t = conn::DEFAULT_MAX_CONNECTIONS)]
    max_connections: usize,
    /// Seconds to keep serving after SIGTERM while /readyz says 503, so a load balancer stops
    /// sending traffic first (0: stop at once; behind a load balancer, a few health-check intervals).
    #[arg(long, env = "OPENDOOR_DRAIN_SECS", default_value_t = 0)]
    drain_secs: u64,
    #[command(flatten)]
    mail: MailArgs,
    /// Do not follow the sources (`sources add`) while serving.
    #[arg(long, env = "OPENDOOR_NO_HARVEST")]
    no_harvest: bool,
    #[command(flatten)]
    harvest: HarvestFlags,
}

/// Email by SMTP: sign-in links for organisers and applicants' news (docs/organisers.md).
#[derive(Args, Clone)]
struct MailArgs {
    /// The SMTP server: smtp://host:25 (plain, for a relay on the same machine),
    /// smtp://user:pass@host:587?tls=required (STARTTLS) or smtps://user:pass@host:465.
    /// Unset: no email is sent; `organiser invite` and `organiser link` print the link.
    #[arg(long, env = "OPENDOOR_SMTP_URL")]
    smtp_url: Option<String>,
    /// The sender, e.g. "Open Door <noreply@example.org>".
    #[arg(
        long,
        env = "OPENDOOR_MAIL_FROM",
        default_value = "Open Door <opendoor@localhost>"
    )]
    mail_from: String,
}

impl MailArgs {
    fn config(&self) -> Option<opendoor_server::mail::MailConfig> {
        self.smtp_url
            .as_ref()
            .map(|url| opendoor_server::mail::MailConfig {
                smtp_url: url.clone(),
                from: self.mail_from.clone(),
            })
    }
}

/// Where sign-in links point and how they are sent (`organiser invite` and `link`).
#[derive(Args)]
struct LinkArgs {
    /// The server's public address, for the link (e.g. https://opendoor.example.org).
    #[arg(
        long,
        env = "OPENDOOR_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    public_url: String,
    #[command(flatten)]
    mail: MailArgs,
}

#[derive(Args)]
struct ImportArgs {
    #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
    db: DbTarget,
    /// Withdraw (publish tombstones for) listings of the organisations in these files that
    /// the files no longer list.
    #[arg(long, env = "OPENDOOR_WITHDRAW_MISSING")]
    withdraw_missing: bool,
    /// Every listing in these files belongs to this organisation id (a slug or URL of your
    /// choosing). Without it, each listing's own organisation id (or website) is used.
    #[arg(long)]
    org: Option<String>,
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Args)]
struct ExportStaticArgs {
    #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
    db: DbTarget,
    #[arg(long, env = "OPENDOOR_PAGE_SIZE", default_value_t = feed::DEFAULT_PAGE_SIZE)]
    page_size: usize,
    /// The licence of the listings, as a URL, carried by every feed page (RPDE requires one).
    #[arg(long, env = "OPENDOOR_LICENSE", default_value = feed::DEFAULT_LICENSE)]
    license: String,
    /// The app's build (trunk's dist/) to also write the first paint into, for a static host:
    /// the list as index.html and each opportunity as opportunities/ID.html.
    #[arg(long)]
    app: Option<PathBuf>,
    dir: PathBuf,
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Make a new current key. The previous one is retired now and still opens applications
    /// sealed to it for 30 days. Keys retired more than 30 days ago are erased. Run monthly.
    Rotate {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
    },
    /// List the keys: id, created, retired, and until when each opens envelopes. Never secrets.
    List {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
    },
}

#[derive(Subcommand)]
enum OrganiserCommand {
    /// Make a new credential (token) for the organisation ORG_ID and print it. It is shown only
    /// this once: only its hash is stored. The organisation is made if it is new.
    Add {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
        /// The organisation's stable id, as its listings carry it (see `organiser list`).
        #[arg(long = "org")]
        org: String,
        /// Its display name, if the organisation is new.
        #[arg(long)]
        name: Option<String>,
        /// Who or what this credential is for, e.g. "Jo, volunteer coordinator".
        #[arg(long, default_value = "")]
        label: String,
        /// The credential stops working after this many days (default: never).
        #[arg(long)]
        expires_days: Option<u32>,
    },
    /// List every credential: its id, organisation, label, created and expiry. Never secrets.
    List {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
    },
    /// Invite someone to sign in to the organisers' pages for ORG_ID, as its admin (they can
    /// then invite colleagues). Emails them a one-time sign-in link (15 minutes) when SMTP is
    /// set; otherwise prints the link for you to pass on. The organisation is made if new.
    Invite {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
        #[arg(long = "org")]
        org: String,
        /// Its display name, if the organisation is new.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        send: LinkArgs,
        email: String,
    },
    /// A fresh sign-in link for someone already invited (emailed, or printed without SMTP).
    Link {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
        #[command(flatten)]
        send: LinkArgs,
        email: String,
    },
    /// Revoke a credential by its id (from `organiser list`): no secret needed.
    Revoke {
        #[arg(long, env = "OPENDOOR_DB", default_value = "./data/opendoor.db", value_parser = opendoor_server::db_target::parse_arg)]
        db: DbTarget,
        id: String,
    },
}

fn init_logs(format: &str) {
    // The PostgreSQL driver logs each statement's parameters (applicants' names, answers) at
    // debug level: held at warn whatever RUST_LOG says, so no level puts them in the log.
    let quiet = [
        "tokio_postgres=info",
        "postgres_protocol=info",
        "deadpool_postgres=info",
    ];
    let filter = quiet.iter().fold(
        tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=warn")),
        |f, d| match d.parse() {
            Ok(d) => f.add_directive(d),
            Err(_) => f,
        },
    );
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logs(&cli.log_format);
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve(args) => serve(args),
        Command::Import(args) => import_files(args),
        Command::ExportStatic(args) => export_static(args),
        Command::Organiser { command } => organiser(command),
        Command::Keys { command } => keys(command),
        Command::Purge { db, retain_days } => purge(&db, retain_days),
        Command::Backup { db, out } => {
            let c = opendoor_server::store::backup::backup(&db, &out)?;
            println!(
                "backed up {} application(s) and {} listing(s) to {} ({} KB, readable by you only)",
                c.applications,
                c.listings,
                out.display(),
                c.bytes.div_ceil(1024)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { db, backup, force } => {
            let now = Clock::system().unix();
            let c = opendoor_server::store::backup::restore(&backup, &db, force, now)?;
            if let Some(kept) = &c.kept {
                println!("kept what {db} held before as {}", kept.display());
            }
            println!(
                "restored {} application(s) and {} listing(s) from {} into {db}",
                c.applications,
                c.listings,
                backup.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Sources { command } => cli_sources::sources(command),
        Command::Harvest(args) => cli_sources::harvest(args),
    }
}

fn purge(db: &DbTarget, retain_days: u32) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    let r = store.purge(retain_days)?;
    println!(
        "purged: {} idempotency record(s), {} envelope record(s); erased the details of {} application(s) (listing closed more than {retain_days} days ago)",
        r.idempotency_records, r.envelope_records, r.applications_erased
    );
    Ok(ExitCode::SUCCESS)
}

fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let ServeArgs {
        listen,
        db,
        app,
        public_url,
        page_size,
        license,
        applications_per_minute,
        status_per_minute,
        rate_limit_clients,
        trust_proxy,
        retain_days,
        feed_per_minute,
        feed_cache_mb,
        header_timeout_secs,
        body_timeout_secs,
        idle_timeout_secs,
        max_connections,
        drain_secs,
        mail,
        no_harvest,
        harvest,
    } = args;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let config = ServeConfig {
            db: db.clone(),
            app_dir: Some(app.clone()),
            public_url,
            page_size,
            license,
            limits: RateLimits {
                applications_per_minute,
                status_per_minute,
                feed_per_minute,
                max_clients: rate_limit_clients,
                trust_proxy,
            },
            clock: Clock::system(),
            retain_days,
            purge_every: std::time::Duration::from_secs(3600),
            feed_cache_bytes: feed_cache_mb.saturating_mul(1024 * 1024),
            conn: conn::ConnLimits {
                header_timeout: Duration::from_secs(header_timeout_secs),
                body_timeout: Duration::from_secs(body_timeout_secs),
                idle_timeout: Duration::from_secs(idle_timeout_secs),
                max_connections,
                drain: Duration::from_secs(drain_secs),
            },
            mail: mail.config(),
            harvest: (!no_harvest).then(|| harvest.config()),
        };
        let server = Server::bind(&listen, config).await?;
        tracing::info!(
            addr = %server.local_addr()?,
            db = %db,
            app = %app.display(),
            "serving on http://{}",
            server.local_addr()?
        );
        server.run(shutdown_signal()).await
    })?;
    Ok(ExitCode::SUCCESS)
}

fn import_files(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&args.db)?;
    match import::run(
        &store,
        &args.files,
        args.withdraw_missing,
        args.org.as_deref(),
    ) {
        Ok(outcome) => {
            for w in &outcome.warnings {
                eprintln!("warning: {w}");
            }
            let r = outcome.report;
            println!(
                "imported {} file(s): {} added, {} updated, {} unchanged, {} withdrawn",
                args.files.len(),
                r.added,
                r.updated,
                r.unchanged,
                r.deleted
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(import::RunError::Files(errors)) => Ok(refused(&errors)),
        // What the data asks for cannot be done (a listing of another organisation, no
        // organisation id): the operator's to fix, like a file's errors.
        Err(import::RunError::Store(e @ StoreError::Invalid(_))) => Ok(refused(&[e])),
        // The database's trouble, not the files': exit 1 with the whole chain (docs/server.md).
        Err(e) => Err(anyhow::Error::new(e).context("nothing was imported")),
    }
}

/// Prints why nothing was imported (at most 200 errors, each with its causes); exit code 2.
fn refused(errors: &[impl std::error::Error]) -> ExitCode {
    for e in errors.iter().take(200) {
        eprintln!("error: {}", opendoor_server::chain(e));
    }
    if errors.len() > 200 {
        eprintln!("... and {} more errors", errors.len() - 200);
    }
    eprintln!("nothing was imported: fix the errors above and run the import again");
    ExitCode::from(2)
}

fn export_static(args: ExportStaticArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&args.db)?;
    let dir = &args.dir;
    let r = export::export_static(&store, dir, args.page_size, &args.license)?;
    println!(
        "exported to {}: {} page(s) kept, {} written ({} items); start at {}/page-1.json",
        dir.display(),
        r.kept,
        r.written,
        r.items_written,
        dir.display()
    );
    if let Some(app) = &args.app {
        let today = store.clock().today();
        let r = export::first_paint(&store, app, today)?;
        println!(
            "first paint in {}: {} page(s) written, {} old one(s) removed{}",
            app.display(),
            r.pages,
            r.removed,
            match r.skipped {
                0 => String::new(),
                n => format!(", {n} listing(s) with ids that cannot be file names left to the app"),
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn organiser(command: OrganiserCommand) -> anyhow::Result<ExitCode> {
    match command {
        OrganiserCommand::Add {
            db,
            org,
            name,
            label,
            expires_days,
        } => {
            let store = Store::open(&db)?;
            let expires = expires_days.map(|d| store.clock().unix() + i64::from(d) * 86_400);
            let (org, cred, token) = store.add_organiser(&org, name.as_deref(), &label, expires)?;
            eprintln!(
                "credential {} for {} (\"{}\"){}; the token is shown once, keep it safe:",
                cred.id,
                org.org_key,
                org.name,
                expires.map_or(String::new(), |e| format!(", until {}", rfc3339(e)))
            );
            println!("{token}");
            Ok(ExitCode::SUCCESS)
        }
        OrganiserCommand::List { db } => {
            let store = Store::open(&db)?;
            println!("id\torganisation id\torganisation\tlabel\tcreated\texpires");
            for c in store.credentials()? {
                let expires = c.expires.map_or("never".to_owned(), rfc3339);
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{expires}",
                    c.id, c.org_id, c.organisation, c.label, c.created
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        OrganiserCommand::Invite {
            db,
            org,
            name,
            send,
            email,
        } => {
            let store = Store::open(&db)?;
            let person = store.invite_first(&org, name.as_deref(), &email)?;
            store.audit(
                &person.org.org_key,
                "operator",
                "person.invite",
                &person.email,
                "admin",
            )?;
            eprintln!(
                "{} can now sign in for {} (\"{}\") as its admin",
                person.email, person.org.org_key, person.org.name
            );
            send_links(&store, &[person], &send)
        }
        OrganiserCommand::Link { db, send, email } => {
            let store = Store::open(&db)?;
            let people = store.people_with_email(&email)?;
            if people.is_empty() {
                eprintln!(
                    "nobody with the email {} has been invited (use `organiser invite`)",
                    email.trim()
                );
                return Ok(ExitCode::from(2));
            }
            send_links(&store, &people, &send)
        }
        OrganiserCommand::Revoke { db, id } => {
            let store = Store::open(&db)?;
            if store.revoke_credential(&id)? {
                println!("revoked {}", id.trim());
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("no credential with the id {}", id.trim());
                Ok(ExitCode::from(2))
            }
        }
    }
}

/// Emails each person a sign-in link, or prints the links when no SMTP is set.
fn send_links(
    store: &Store,
    people: &[opendoor_server::store::Person],
    send: &LinkArgs,
) -> anyhow::Result<ExitCode> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // The SMTP client is made and dropped inside the runtime (its connection pool needs it).
    let _inside = rt.enter();
    let mailer = match send.mail.config() {
        Some(c) => Some(opendoor_server::mail::Mailer::new(&c)?),
        None => None,
    };
    for person in people {
        let token = store.new_sign_in_link(person)?;
        let link = opendoor_server::org::link_url(&send.public_url, &token);
        match &mailer {
            Some(m) => {
                let (subject, body) = opendoor_server::mail::sign_in_email(
                    &person.org.name,
                    &link,
                    opendoor_server::store::LINK_SECONDS / 60,
                );
                rt.block_on(m.send(&person.email, &subject, &body))?;
                eprintln!(
                    "emailed a sign-in link to {} (it works once, for 15 minutes)",
                    person.email
                );
            }
            None => {
                eprintln!(
                    "no SMTP server is set (--smtp-url), so pass this sign-in link to {} yourself; it works once, for 15 minutes:",
                    person.email
                );
                println!("{link}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn keys(command: KeysCommand) -> anyhow::Result<ExitCode> {
    match command {
        KeysCommand::Rotate { db } => {
            let store = Store::open(&db)?;
            let change = store.rotate_seal_key(store.clock().unix())?;
            if let Some(old) = &change.retired {
                println!("retired {old} (it opens applications sealed to it for 30 more days)");
            }
            if let Some(new) = &change.made {
                println!("new current key {new}");
            }
            if change.erased > 0 {
                println!(
                    "erased {} key(s) retired more than 30 days ago",
                    change.erased
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        KeysCommand::List { db } => {
            let store = Store::open(&db)?;
            println!("kid\tcreated\tretired\topens envelopes until");
            for k in store.seal_keys()? {
                let (retired, until) = match (k.retired, k.opens_until()) {
                    (Some(r), Some(u)) => (rfc3339(r), rfc3339(u)),
                    _ => (
                        "-".to_owned(),
                        "current: 30 days after it is retired".to_owned(),
                    ),
                };
                println!("{}\t{}\t{retired}\t{until}", k.kid, rfc3339(k.created));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
