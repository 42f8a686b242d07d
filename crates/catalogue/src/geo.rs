//! Distances on the map, for "near me" and for placing support points.

use crate::model::LatLon;

/// Great-circle distance (haversine, mean Earth radius), in kilometres.
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = la2 - la1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// The `k` items nearest to `here`, nearest first, with their distances.
/// Items without a position are skipped; NaN positions sort last.
pub fn nearest<T>(items: impl IntoIterator<Item = (T, LatLon)>, here: LatLon, k: usize) -> Vec<(T, f64)> {
    let mut all: Vec<(T, f64)> = items.into_iter().map(|(t, at)| (t, distance_km(here, at))).collect();
    all.sort_by(|a, b| a.1.total_cmp(&b.1));
    all.truncate(k);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    const HN: LatLon = LatLon { lat: 21.0285, lon: 105.8542 };
    const DN: LatLon = LatLon { lat: 16.0544, lon: 108.2022 };

    #[test]
    fn hanoi_to_danang_is_about_610_km() {
        let d = distance_km(HN, DN);
        assert!((600.0..640.0).contains(&d), "{d}");
        assert_eq!(distance_km(HN, HN), 0.0);
        assert!((distance_km(HN, DN) - distance_km(DN, HN)).abs() < 1e-9);
    }

    #[test]
    fn nearest_orders_and_truncates() {
        let hue = LatLon { lat: 16.4637, lon: 107.5909 };
        let got = nearest([("hn", HN), ("dn", DN), ("hue", hue)], DN, 2);
        assert_eq!(got.iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec!["dn", "hue"]);
        assert_eq!(got[0].1, 0.0);
        assert!(nearest(Vec::<((), LatLon)>::new(), DN, 3).is_empty());
    }
}
