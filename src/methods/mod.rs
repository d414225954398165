//! The method library: facilitation methods and agenda templates.
//!
//! The bundled library (`methods/*.ron`, `methods/templates/*.ron`) is
//! embedded in the binary. A user's own files in `<config>/methods/` add to
//! it or replace a bundled method with the same id. A malformed file is
//! reported and skipped, never fatal.

use crate::model::{Ids, Produces, Stage, StageKind, Step};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/library.rs"));
}

/// A text in English and French.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    #[serde(default)]
    pub fr: String,
}

impl Text {
    /// The text in `lang` ("fr" or anything else for English), falling back to English.
    pub fn get(&self, lang: &str) -> &str {
        if lang.starts_with("fr") && !self.fr.is_empty() {
            &self.fr
        } else {
            &self.en
        }
    }
}

/// A range of minutes or of people.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: u32,
    #[serde(default)]
    pub max: Option<u32>,
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.max {
            Some(max) if max != self.min => write!(f, "{}-{}", self.min, max),
            Some(_) => write!(f, "{}", self.min),
            None => write!(f, "{}+", self.min),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub id: String,
    pub name: Text,
    pub stage: StageKind,
    pub purpose: Text,
    /// Typical duration in minutes.
    pub duration: Range,
    /// Group size.
    pub group: Range,
    #[serde(default)]
    pub materials: Vec<Text>,
    /// Where the method comes from (a courtesy; texts are our own).
    pub source: String,
    pub steps: Vec<MethodStep>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodStep {
    pub title: Text,
    pub minutes: u32,
    pub prompt: Text,
    #[serde(default)]
    pub produces: Vec<Produces>,
}

impl Method {
    pub fn minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes).sum()
    }

    /// A new agenda stage from this method, its texts in `lang`.
    pub fn to_stage(&self, lang: &str, ids: &mut Ids) -> Stage {
        Stage {
            id: ids.next_id(),
            method: self.id.clone(),
            title: self.name.get(lang).to_owned(),
            kind: self.stage,
            steps: self
                .steps
                .iter()
                .map(|s| Step {
                    id: ids.next_id(),
                    title: s.title.get(lang).to_owned(),
                    minutes: s.minutes,
                    prompt: s.prompt.get(lang).to_owned(),
                    produces: s.produces.clone(),
                    started: None,
                    ended: None,
                })
                .collect(),
            started: None,
            ended: None,
        }
    }
}

/// An agenda template: a sequence of methods for a kind of workshop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub stages: Vec<TemplateStage>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateStage {
    /// A method id from the library.
    pub method: String,
    /// Minutes per step, replacing the method's own (same count of steps).
    #[serde(default)]
    pub minutes: Vec<u32>,
}

/// A library file that could not be read; it was skipped. `Display` is
/// English; [`Skipped::say`] says it in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped(pub crate::store::LoadError);

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (skipped)", self.0)
    }
}

impl Skipped {
    /// What was wrong, with its `file:line:column`, in `lang`.
    pub fn say(&self, lang: &str) -> String {
        crate::t!(
            lang,
            "library-skipped",
            problem = crate::i18n::load_error(lang, &self.0)
        )
    }
}

#[derive(Clone, Debug, Default)]
pub struct Library {
    pub methods: Vec<Method>,
    pub templates: Vec<Template>,
    /// Files that were malformed and skipped.
    pub skipped: Vec<Skipped>,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, Skipped> {
    crate::store::parse_ron::<T>(text).map_err(|mut e| {
        e.file = name.to_owned();
        Skipped(e)
    })
}

impl Library {
    /// The bundled library only.
    pub fn bundled() -> Library {
        let mut lib = Library::default();
        for (name, text) in embedded::METHODS {
            lib.add_method(&format!("methods/{name}"), text);
        }
        for (name, text) in embedded::TEMPLATES {
            lib.add_template(&format!("methods/templates/{name}"), text);
        }
        lib.sort();
        lib
    }

    /// The bundled library, plus or overridden by the user's own files in
    /// `dir` (`dir/*.ron` methods, `dir/templates/*.ron` templates).
    pub fn load(user_dir: Option<&Path>) -> Library {
        let mut lib = Library::bundled();
        if let Some(dir) = user_dir {
            for (path, text) in read_dir_ron(dir, &mut lib.skipped) {
                lib.add_method(&path.display().to_string(), &text);
            }
            for (path, text) in read_dir_ron(&dir.join("templates"), &mut lib.skipped) {
                lib.add_template(&path.display().to_string(), &text);
            }
        }
        lib.sort();
        lib
    }

    fn add_method(&mut self, name: &str, text: &str) {
        match parse::<Method>(name, text) {
            Ok(m) => {
                self.methods.retain(|x| x.id != m.id);
                self.methods.push(m);
            }
            Err(e) => self.skipped.push(e),
        }
    }

    fn add_template(&mut self, name: &str, text: &str) {
        match parse::<Template>(name, text) {
            Ok(t) => {
                self.templates.retain(|x| x.id != t.id);
                self.templates.push(t);
            }
            Err(e) => self.skipped.push(e),
        }
    }

    fn sort(&mut self) {
        self.methods
            .sort_by(|a, b| (a.stage, &a.id).cmp(&(b.stage, &b.id)));
        self.templates.sort_by(|a, b| a.id.cmp(&b.id));
    }

    pub fn method(&self, id: &str) -> Option<&Method> {
        self.methods.iter().find(|m| m.id == id)
    }

    pub fn template(&self, id: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.id == id)
    }

    /// The agenda of a template, its texts in `lang`. Methods the library
    /// lacks are named in the error.
    pub fn agenda(
        &self,
        template: &Template,
        lang: &str,
        ids: &mut Ids,
    ) -> Result<Vec<Stage>, String> {
        template
            .stages
            .iter()
            .map(|ts| {
                let m = self.method(&ts.method).ok_or_else(|| {
                    crate::t!(
                        lang,
                        "library-unknown-method",
                        template = format!("{:?}", template.id),
                        method = format!("{:?}", ts.method)
                    )
                })?;
                let mut stage = m.to_stage(lang, ids);
                for (step, minutes) in stage.steps.iter_mut().zip(&ts.minutes) {
                    step.minutes = *minutes;
                }
                Ok(stage)
            })
            .collect()
    }
}

fn read_dir_ron(dir: &Path, skipped: &mut Vec<Skipped>) -> Vec<(PathBuf, String)> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        // Text that is not UTF-8 is an error of kind InvalidData.
        .filter_map(|p| match std::fs::read_to_string(&p) {
            Ok(text) => Some((p, text)),
            Err(e) => {
                skipped.push(Skipped(crate::store::LoadError::io(&p, &e)));
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_library_has_no_broken_files() {
        let lib = Library::bundled();
        assert!(lib.skipped.is_empty(), "{:?}", lib.skipped);
    }

    #[test]
    fn every_template_uses_known_methods() {
        let lib = Library::bundled();
        for t in &lib.templates {
            let agenda = lib.agenda(t, "en", &mut Ids::seeded(0));
            assert!(agenda.is_ok(), "{:?}", agenda.err());
            for ts in &t.stages {
                if let Some(m) = lib.method(&ts.method) {
                    assert!(
                        ts.minutes.is_empty() || ts.minutes.len() == m.steps.len(),
                        "template {} gives {} minutes for {} steps of {}",
                        t.id,
                        ts.minutes.len(),
                        m.steps.len(),
                        m.id
                    );
                }
            }
        }
    }
}
