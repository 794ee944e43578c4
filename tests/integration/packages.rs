//! Every clean fixture package passes, as a folder and zipped, and its reports are stable.

use crate::common::*;
use appcert::Verdict;

#[test]
fn every_fixture_passes_as_a_folder() {
    for name in fixture_names() {
        let pkg = check_fixture_dir(&name);
        assert_eq!(pkg.input, fixture_display(&name));
        assert!(errors(&pkg).is_empty(), "{}", describe(&pkg));
        assert_eq!(pkg.verdict, Verdict::Pass, "{}", describe(&pkg));
        assert_eq!(pkg.summary.errors, 0);
        assert!(
            pkg.app.id.is_some() && pkg.app.name.is_some(),
            "{:?}",
            pkg.app
        );
    }
}

#[test]
fn every_fixture_passes_zipped_with_the_same_findings() {
    for name in fixture_names() {
        let folder = check_fixture_dir(&name);
        let zipped = Pkg::fixture(&name).check();
        assert_eq!(zipped.input, format!("{name}.zip"));
        assert!(errors(&zipped).is_empty(), "{}", describe(&zipped));
        assert_eq!(zipped.verdict, Verdict::Pass, "{}", describe(&zipped));
        assert_eq!(zipped.app, folder.app);
        let key = |p: &appcert::PackageReport| {
            p.findings
                .iter()
                .map(|f| {
                    (
                        f.rule.clone(),
                        f.file.clone(),
                        f.pointer.clone(),
                        f.line,
                        f.column,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&zipped), key(&folder), "{name}");
    }
}

#[test]
fn zips_are_built_deterministically() {
    let a = Pkg::fixture("declarative-agent").zip();
    let b = Pkg::fixture("declarative-agent").zip();
    assert_eq!(a, b);
}

macro_rules! fixture_snapshots {
    ($($test:ident => $name:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            let report = report_of(check_fixture_dir($name));
            insta::assert_json_snapshot!(concat!($name, "-json"), json_of(&report));
            insta::assert_snapshot!(concat!($name, "-human"), human_of(&report));
        }
    )*};
}

fixture_snapshots! {
    snapshot_agent_mcp => "agent-mcp",
    snapshot_agent_skills_knowledge => "agent-skills-knowledge",
    snapshot_agent_worker => "agent-worker",
    snapshot_agentic_user => "agentic-user",
    snapshot_bot_commands => "bot-commands",
    snapshot_custom_engine_agent => "custom-engine-agent",
    snapshot_declarative_agent => "declarative-agent",
    snapshot_localized_tab => "localized-tab",
    snapshot_me_api_based => "me-api-based",
    snapshot_me_bot_copilot => "me-bot-copilot",
    snapshot_tab_personal => "tab-personal",
}

#[test]
fn snapshot_macro_covers_every_fixture() {
    assert_eq!(
        fixture_names(),
        [
            "agent-mcp",
            "agent-skills-knowledge",
            "agent-worker",
            "agentic-user",
            "bot-commands",
            "custom-engine-agent",
            "declarative-agent",
            "localized-tab",
            "me-api-based",
            "me-bot-copilot",
            "tab-personal"
        ],
        "add a snapshot test for each new fixture"
    );
}

#[test]
fn whole_fixture_folder_in_one_run() {
    // Tests run in the crate root, so the relative path is stable.
    let report = appcert::check_paths(&["fixtures/packages".to_string()], &Default::default())
        .expect("fixtures are discovered");
    let inputs: Vec<&str> = report.packages.iter().map(|p| p.input.as_str()).collect();
    let expected: Vec<String> = fixture_names().iter().map(|n| fixture_display(n)).collect();
    assert_eq!(inputs, expected);
    assert!(report.all_passed());
    insta::assert_snapshot!("all-fixtures-human", human_of(&report));
}
