//! Integration tests over real HTTP against a real temporary SQLite file.

mod applications;
mod backups;
mod common;
mod db_flag;
mod db_tls;
mod feed;
mod feed_cache;
mod feed_memory;
mod first_paint;
mod harvest;
mod import_export;
mod logs;
mod openapi;
mod org_pages;
mod organisers;
mod rate_limits;
mod receipts;
mod sealed;
mod several_servers;
mod slow_clients;
mod smtp;
mod static_files;
