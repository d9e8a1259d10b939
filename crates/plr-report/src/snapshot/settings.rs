//! The snapshot's targets and monthly baseline: data, with `snapshot.md`'s values as defaults,
//! changed by a JSON settings file (`schema/snapshot-settings.schema.json`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::measure::{MeasureKey, Target};

/// Targets and the monthly baseline of audits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// Audits expected a month (the target of `audits_completed` is this times the months of
    /// the period).
    pub monthly_baseline: u32,
    /// Reviews the moderators can moderate a month (seed 003: 58): the moderation sample's
    /// most a month.
    pub moderation_capacity: u32,
    /// The target of each measure that has one.
    pub targets: BTreeMap<MeasureKey, Target>,
}

impl Default for Settings {
    /// `snapshot.md`: baseline 45 a month; good or better ≥ 50%, inadequate ≤ 9%, social
    /// worker, team manager and IRO / CP Chair involved ≥ 95%, child's and family's views
    /// ≥ 80%, actions on time ≥ 80%, audit completion rate ≥ 90%; moderators' capacity 58 a
    /// month (`qa-month.md` §2).
    fn default() -> Self {
        use MeasureKey::*;
        let targets = [
            (GoodOrBetter, Target::at_least(50)),
            (Inadequate, Target::at_most(9)),
            (SocialWorkerInvolved, Target::at_least(95)),
            (TeamManagerInvolved, Target::at_least(95)),
            (IroOrCpChairInvolved, Target::at_least(95)),
            (ChildViewsObtained, Target::at_least(80)),
            (FamilyViewsObtained, Target::at_least(80)),
            (ActionsCompletedOnTime, Target::at_least(80)),
            (AuditCompletionRate, Target::at_least(90)),
        ];
        Settings {
            monthly_baseline: 45,
            moderation_capacity: 58,
            targets: targets.into_iter().collect(),
        }
    }
}

/// A settings file: every key optional; what it leaves out keeps its default.
///
/// ```json
/// { "monthly_baseline": 40, "moderation_capacity": 50,
///   "targets": { "good_or_better": { "op": ">=", "value": 60 }, "inadequate": null } }
/// ```
/// A target set to `null` removes it (the measure then has no RAG rating). The target of
/// `audits_completed` is set through `monthly_baseline`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "PLR Performance Snapshot settings")]
pub struct SettingsFile {
    /// Audits expected a month (default 45).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub monthly_baseline: Option<u32>,
    /// Reviews the moderators can moderate a month (default 58): the moderation sample's most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub moderation_capacity: Option<u32>,
    /// Targets to change, by measure key; `null` removes a target.
    #[serde(default)]
    pub targets: BTreeMap<MeasureKey, Option<Target>>,
}

/// A settings file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SettingsError(pub String);

impl Settings {
    /// The defaults changed by a settings file's JSON text.
    pub fn from_json(json: &str) -> Result<Settings, SettingsError> {
        let file: SettingsFile =
            serde_json::from_str(json).map_err(|e| SettingsError(e.to_string()))?;
        if file.targets.contains_key(&MeasureKey::AuditsCompleted) {
            return Err(SettingsError(
                "targets.audits_completed: set the audits target through monthly_baseline".into(),
            ));
        }
        let mut settings = Settings::default();
        if let Some(baseline) = file.monthly_baseline {
            settings.monthly_baseline = baseline;
        }
        if let Some(capacity) = file.moderation_capacity {
            settings.moderation_capacity = capacity;
        }
        for (key, target) in file.targets {
            match target {
                Some(target) => settings.targets.insert(key, target),
                None => settings.targets.remove(&key),
            };
        }
        Ok(settings)
    }

    /// The target of `key`, if it has one (`audits_completed` is not here: see
    /// [`Settings::monthly_baseline`]).
    pub fn target(&self, key: MeasureKey) -> Option<Target> {
        self.targets.get(&key).copied()
    }

    /// The JSON Schema of the settings file: the text of `schema/snapshot-settings.schema.json`.
    pub fn json_schema() -> String {
        plr_core::export::schema_text::<SettingsFile>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settings_file_changes_only_what_it_names() {
        let s = Settings::from_json(
            r#"{"monthly_baseline": 40, "moderation_capacity": 50, "targets": {"good_or_better": {"op": ">=", "value": 60}, "inadequate": null, "weaker_practice": {"op": "<=", "value": 30}}}"#,
        )
        .unwrap();
        assert_eq!(s.monthly_baseline, 40);
        assert_eq!(s.moderation_capacity, 50);
        assert_eq!(Settings::default().moderation_capacity, 58);
        assert_eq!(
            s.target(MeasureKey::GoodOrBetter),
            Some(Target::at_least(60))
        );
        assert_eq!(s.target(MeasureKey::Inadequate), None);
        assert_eq!(
            s.target(MeasureKey::WeakerPractice),
            Some(Target::at_most(30))
        );
        assert_eq!(
            s.target(MeasureKey::SocialWorkerInvolved),
            Some(Target::at_least(95))
        );
        assert_eq!(Settings::from_json("{}").unwrap(), Settings::default());
    }

    #[test]
    fn a_bad_settings_file_says_what_is_wrong() {
        let unknown = Settings::from_json(r#"{"targets": {"good_or_worse": null}}"#).unwrap_err();
        assert!(unknown.0.contains("good_or_worse"), "{unknown}");
        let op =
            Settings::from_json(r#"{"targets": {"good": {"op": ">", "value": 1}}}"#).unwrap_err();
        assert!(op.0.contains("unknown variant"), "{op}");
        let extra = Settings::from_json(r#"{"baseline": 3}"#).unwrap_err();
        assert!(extra.0.contains("baseline"), "{extra}");
        assert!(Settings::from_json(r#"{"targets": {"audits_completed": null}}"#).is_err());
    }

    #[test]
    fn the_committed_settings_schema_matches_the_types() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schema/snapshot-settings.schema.json"
        );
        let generated = Settings::json_schema();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            committed, generated,
            "schema/snapshot-settings.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p plr-report schema"
        );
    }
}
