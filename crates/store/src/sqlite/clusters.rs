//! Clusters of documents of one story (`clusters`, `document_clusters`;
//! [`attache_merge::cluster`]): each stored document's cluster, kept as documents arrive.

use super::vectors::stored_vector;
use attache_merge::Policy;
use attache_merge::cluster::{Cluster, Clusters, Compact, compact, from_bytes, to_bytes};
use rusqlite::{OptionalExtension, Transaction, params};

/// The join threshold of a policy's content rule (a policy without one clusters nothing).
pub(super) fn threshold(policy: &Policy) -> Option<f64> {
    policy.content.map(|rule| rule.cluster)
}

/// The store's clusters, read once per transaction that stores documents.
pub(super) fn load(tx: &Transaction) -> rusqlite::Result<Clusters> {
    let rows: Vec<Cluster> = tx
        .prepare_cached("SELECT id, documents, centroid FROM clusters ORDER BY id")?
        .query_map([], |r| {
            let bytes: Vec<u8> = r.get(2)?;
            Ok(Cluster {
                id: r.get(0)?,
                documents: r.get(1)?,
                centroid: from_bytes(&bytes),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Clusters::from_clusters(rows))
}

fn save_centroid(tx: &Transaction, clusters: &Clusters, id: i64) -> rusqlite::Result<()> {
    if let Some(c) = clusters.get(id) {
        tx.prepare_cached("UPDATE clusters SET documents = ?1, centroid = ?2 WHERE id = ?3")?
            .execute(params![c.documents, to_bytes(&c.centroid), id])?;
    }
    Ok(())
}

/// Places a new document of vector `vector` into its cluster (the nearest at or above
/// `threshold`, else a new one) and records it; `None` when the vector is empty (a document too
/// short to tell its story) or no threshold applies.
pub(super) fn place(
    tx: &Transaction,
    clusters: &mut Clusters,
    document: &str,
    vector: &Compact,
    threshold: Option<f64>,
) -> rusqlite::Result<Option<i64>> {
    let Some(threshold) = threshold.filter(|_| !vector.is_empty()) else {
        return Ok(None);
    };
    let (id, similarity) = match clusters.nearest(vector, threshold) {
        Some((id, cos)) => {
            clusters.add(id, vector);
            save_centroid(tx, clusters, id)?;
            (id, Some(cos))
        }
        None => {
            tx.prepare_cached("INSERT INTO clusters (documents, centroid) VALUES (1, ?1)")?
                .execute([to_bytes(vector)])?;
            let id = tx.last_insert_rowid();
            clusters.start(id, vector);
            (id, None)
        }
    };
    tx.prepare_cached(
        "INSERT OR REPLACE INTO document_clusters (document, cluster, similarity, vector) \
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![document, id, similarity, to_bytes(vector)])?;
    Ok(Some(id))
}

/// Takes a document out of its cluster (it is being replaced): its vector leaves the centroid.
pub(super) fn remove(
    tx: &Transaction,
    clusters: &mut Clusters,
    document: &str,
) -> rusqlite::Result<()> {
    let row: Option<(i64, Vec<u8>)> = tx
        .prepare_cached("SELECT cluster, vector FROM document_clusters WHERE document = ?1")?
        .query_row([document], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, bytes)) = row {
        clusters.remove(id, &from_bytes(&bytes));
        save_centroid(tx, clusters, id)?;
        tx.prepare_cached("DELETE FROM document_clusters WHERE document = ?1")?
            .execute([document])?;
    }
    Ok(())
}

/// The cluster a stored document is in; `None` when it has none.
pub(super) fn of_document(tx: &Transaction, document: &str) -> rusqlite::Result<Option<i64>> {
    tx.prepare_cached("SELECT cluster FROM document_clusters WHERE document = ?1")?
        .query_row([document], |r| r.get(0))
        .optional()
}

/// Clusters the documents a store held before it kept clusters (the migration that creates
/// the tables), in the order they were stored, under the store's merge setting.
pub(super) fn cluster_stored_documents(tx: &Transaction) -> rusqlite::Result<()> {
    let policy = super::write::merge_setting(tx)?.policy();
    let documents: Vec<(String, String)> = tx
        .prepare("SELECT id, text FROM documents ORDER BY rowid")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut clusters = load(tx)?;
    for (id, text) in &documents {
        let vector = compact(&stored_vector(tx, text)?);
        place(tx, &mut clusters, id, &vector, threshold(&policy))?;
    }
    Ok(())
}
