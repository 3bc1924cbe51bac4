//! Integration tests over real HTTP against a real temporary SQLite file.

mod applications;
mod common;
mod feed;
mod import_export;
mod openapi;
mod organisers;
mod static_files;
