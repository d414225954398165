//! Embeds the method library (`methods/*.ron`, `methods/templates/*.ron`)
//! in the binary, so atelier works from any folder.

use std::fs;
use std::path::Path;

fn list(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn array(name: &str, dir: &str) -> String {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut out = format!("pub static {name}: &[(&str, &str)] = &[\n");
    for f in list(dir) {
        let path = Path::new(&root).join(dir).join(&f);
        out.push_str(&format!(
            "    ({f:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    out
}

fn main() {
    println!("cargo::rerun-if-changed=methods");
    println!("cargo::rerun-if-changed=methods/templates");
    let out = format!(
        "{}{}",
        array("METHODS", "methods"),
        array("TEMPLATES", "methods/templates")
    );
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("library.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
