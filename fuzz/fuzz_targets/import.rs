//! The importer on any text: never a panic, and the plan it makes passes
//! `tertial check` once written (the importer's promise), reading back as
//! the same plan.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tertial::import::{Options, import_with};
use tertial::plan::{parse_plan, write::to_toml};

fuzz_target!(|data: &[u8]| {
    let opts = Options {
        system_dictionary: false,
        ..Options::default()
    };
    let imported = import_with(data, &opts);
    let written = to_toml(&imported.plan);
    match parse_plan("imported.toml", written.as_bytes()) {
        Ok(again) => {
            let mut plan = imported.plan.clone();
            plan.normalize();
            assert_eq!(again, plan, "the imported plan reads back different");
        }
        Err(d) => panic!("the imported plan is rejected: {d:?}\n{written}"),
    }
});
