// The messages are compiled in by `static_loader!`; rebuild whenever a message file changes
// or a new one appears.
fn main() {
    println!("cargo:rerun-if-changed=locales");
    for lang in ["en", "cy"] {
        println!("cargo:rerun-if-changed=locales/{lang}");
        if let Ok(entries) = std::fs::read_dir(format!("locales/{lang}")) {
            for entry in entries.flatten() {
                println!("cargo:rerun-if-changed={}", entry.path().display());
            }
        }
    }
}
