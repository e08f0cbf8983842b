//! Parquet through the arrow and parquet crates: one row group, uncompressed (the crate is
//! built without codecs to keep the build small), typed columns and list columns.

use crate::ExportError;
use crate::row::Row;
use crate::schema::{COLUMNS, Kind, Value};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use std::sync::Arc;

fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Text => DataType::Utf8,
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Bool => DataType::Boolean,
        Kind::Date => DataType::Date32,
        Kind::List => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
    }
}

/// The arrow schema of an export: booleans and lists never null, other columns nullable.
pub fn schema() -> Schema {
    Schema::new(
        COLUMNS
            .iter()
            .map(|c| {
                let nullable = !matches!(c.kind, Kind::Bool | Kind::List);
                Field::new(c.name, data_type(c.kind), nullable)
            })
            .collect::<Vec<_>>(),
    )
}

fn days_since_epoch(day: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    (day - epoch).num_days() as i32
}

/// One column of every row, as an arrow array.
fn column(rows: &[Row], index: usize, kind: Kind) -> ArrayRef {
    let cells = rows.iter().map(|r| &r.cells[index].1);
    match kind {
        Kind::Text => {
            let mut b = StringBuilder::new();
            for cell in cells {
                b.append_option(match cell {
                    Value::Text(v) => v.as_deref(),
                    _ => None,
                });
            }
            Arc::new(b.finish())
        }
        Kind::Int => {
            let mut b = Int64Builder::new();
            cells.for_each(|c| b.append_option(if let Value::Int(v) = c { *v } else { None }));
            Arc::new(b.finish())
        }
        Kind::Float => {
            let mut b = Float64Builder::new();
            cells.for_each(|c| b.append_option(if let Value::Float(v) = c { *v } else { None }));
            Arc::new(b.finish())
        }
        Kind::Bool => {
            let mut b = BooleanBuilder::new();
            cells.for_each(|c| b.append_value(matches!(c, Value::Bool(true))));
            Arc::new(b.finish())
        }
        Kind::Date => {
            let mut b = Date32Builder::new();
            for cell in cells {
                let day = if let Value::Date(d) = cell { *d } else { None };
                b.append_option(day.map(days_since_epoch));
            }
            Arc::new(b.finish())
        }
        Kind::List => {
            let mut b = ListBuilder::new(StringBuilder::new()).with_field(Arc::new(Field::new(
                "item",
                DataType::Utf8,
                true,
            )));
            for cell in cells {
                if let Value::List(items) = cell {
                    for item in items {
                        b.values().append_value(item);
                    }
                }
                b.append(true);
            }
            Arc::new(b.finish())
        }
    }
}

/// The rows as one Parquet file in memory.
pub fn to_parquet(rows: &[Row]) -> Result<Vec<u8>, ExportError> {
    let schema = Arc::new(schema());
    let columns: Vec<ArrayRef> = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| column(rows, i, c.kind))
        .collect();
    let batch = RecordBatch::try_new(Arc::clone(&schema), columns)
        .map_err(|e| ExportError::Parquet(e.to_string()))?;
    let mut bytes = Vec::new();
    let mut writer = parquet::arrow::ArrowWriter::try_new(&mut bytes, schema, None)
        .map_err(|e| ExportError::Parquet(e.to_string()))?;
    writer
        .write(&batch)
        .map_err(|e| ExportError::Parquet(e.to_string()))?;
    writer
        .close()
        .map_err(|e| ExportError::Parquet(e.to_string()))?;
    Ok(bytes)
}
