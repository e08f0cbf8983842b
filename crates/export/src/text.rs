//! CSV and JSON Lines: one line per event, the columns of [`crate::COLUMNS`] in order.

use crate::row::Row;
use crate::schema::{COLUMNS, Value};
use std::io::{self, Write};

/// A CSV field, quoted when it must be (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv_cell(value: &Value) -> String {
    match value {
        Value::Text(v) => v.clone().unwrap_or_default(),
        Value::Int(v) => v.map_or(String::new(), |n| n.to_string()),
        Value::Float(v) => v.map_or(String::new(), |n| n.to_string()),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) => d.map_or(String::new(), |d| d.to_string()),
        Value::List(items) => items
            .iter()
            .map(|i| i.replace(';', ","))
            .collect::<Vec<_>>()
            .join(";"),
    }
}

pub fn write_csv_header(out: &mut dyn Write) -> io::Result<()> {
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    writeln!(out, "{}", names.join(","))
}

pub fn write_csv_row(out: &mut dyn Write, row: &Row) -> io::Result<()> {
    let fields: Vec<String> = row
        .cells
        .iter()
        .map(|(_, v)| csv_field(&csv_cell(v)))
        .collect();
    writeln!(out, "{}", fields.join(","))
}

fn json_cell(value: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        Value::Text(v) => v.clone().map_or(J::Null, J::String),
        Value::Int(v) => v.map_or(J::Null, J::from),
        Value::Float(v) => v.map_or(J::Null, J::from),
        Value::Bool(b) => J::Bool(*b),
        Value::Date(d) => d.map_or(J::Null, |d| J::String(d.to_string())),
        Value::List(items) => J::Array(items.iter().cloned().map(J::String).collect()),
    }
}

/// One JSON object, its keys in column order.
pub fn write_jsonl_row(out: &mut dyn Write, row: &Row) -> io::Result<()> {
    let mut line = String::from("{");
    for (n, (name, value)) in row.cells.iter().enumerate() {
        if n > 0 {
            line.push(',');
        }
        line.push_str(&serde_json::Value::String((*name).to_string()).to_string());
        line.push(':');
        line.push_str(&json_cell(value).to_string());
    }
    line.push('}');
    writeln!(out, "{line}")
}
