//! Reading the gzipped sources. Errors name the file and, for JSON Lines, the line.

use flate2::read::GzDecoder;
use serde::de::DeserializeOwned;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

fn open(path: &Path) -> Result<Box<dyn Read>, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(if path.extension().is_some_and(|e| e == "gz") { Box::new(GzDecoder::new(f)) } else { Box::new(f) })
}

/// Reads one JSON document, gunzipping a `.gz` file.
pub fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T, String> {
    let mut text = String::new();
    open(path)?.read_to_string(&mut text).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads JSON Lines, one record per non-empty line.
pub fn read_json_lines<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, String> {
    let mut out = Vec::new();
    for (i, line) in BufReader::new(open(path)?).lines().enumerate() {
        let line = line.map_err(|e| format!("{}: line {}: {e}", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(&line).map_err(|e| format!("{}: line {}: {e}", path.display(), i + 1))?);
    }
    Ok(out)
}
