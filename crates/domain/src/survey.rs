//! Satisfaction surveys: what a valid questionnaire is, what a valid answer
//! is, and the arithmetic of the results.
//!
//! Accredited courses are evaluated by their participants: an organiser keeps
//! one or more [`Template`]s (Aula ships [`default_template`]), a session
//! copies one, and each participant answers it once. Quality indicators feed
//! on the mean of the one question marked `overall`, so that question must
//! exist and be a 1–5 scale.
//!
//! Questions carry a stable `key` ("overall", "relevance", "q7", ...): copies
//! and later versions of a template keep it, so the results of many sessions
//! can be joined question by question even after wording changes.
//!
//! Anonymity (who answered is never stored next to what they answered) is the
//! storage's concern; this module has no I/O. It only says:
//! - what a valid template is ([`Template::check`]), and how the flat fields
//!   of an HTML form become one ([`template_from_pairs`]) and back
//!   ([`template_to_pairs`]);
//! - what a valid submission is ([`answers_from_pairs`], [`Question::parse_answer`]);
//! - how results add up ([`summarise`], [`mean_of`], [`response_rate`]), in
//!   integer arithmetic so that the figures are exact and reproducible
//!   whether they come from answers in memory or from a database's counts.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{FieldErrors, Language, Problem, Text};

/// At most this many questions in a template.
pub const MAX_QUESTIONS: usize = 30;
/// A question's text, a label or an option: at most this many characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// A free-text answer: at most this many characters.
pub const MAX_ANSWER_CHARS: usize = 2000;
/// A choice question offers from `MIN_CHOICES` to `MAX_CHOICES` options.
pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 10;
/// A question key: 1 to this many characters of `[a-z0-9_]`.
pub const MAX_KEY_CHARS: usize = 40;
/// Results of fewer answers are not shown per session to trainers: with one
/// or two answers they would know who wrote what.
pub const MIN_GROUP: u64 = 3;

const MAX_NAME_CHARS: usize = 200;

type TemplateName = Text<MAX_NAME_CHARS>;
type QuestionText = Text<MAX_TEXT_CHARS>;
type AnswerText = Text<MAX_ANSWER_CHARS, true>;

/// A text in French, Spanish and English, and optionally Arabic (issue 23):
/// templates written before Arabic existed, or by organisers who do not
/// write it, are read in French by Arabic readers (the Tunisian partners
/// read both).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translated {
    pub fr: String,
    pub es: String,
    pub en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ar: String,
}

impl Translated {
    pub fn new(fr: impl Into<String>, es: impl Into<String>, en: impl Into<String>) -> Self {
        Translated {
            fr: fr.into(),
            es: es.into(),
            en: en.into(),
            ar: String::new(),
        }
    }

    /// The same text with its Arabic.
    pub fn with_ar(mut self, ar: impl Into<String>) -> Self {
        self.ar = ar.into();
        self
    }

    /// The text for a reader of `language` (Arabic falls back to French when blank).
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Ar if self.ar.trim().is_empty() => &self.fr,
            _ => self.own(language),
        }
    }

    /// The text as written in `language`, possibly empty for Arabic.
    pub fn own(&self, language: Language) -> &str {
        match language {
            Language::Fr => &self.fr,
            Language::Es => &self.es,
            Language::En => &self.en,
            Language::Ar => &self.ar,
        }
    }

    fn slot(&mut self, language: Language) -> &mut String {
        match language {
            Language::Fr => &mut self.fr,
            Language::Es => &mut self.es,
            Language::En => &mut self.en,
            Language::Ar => &mut self.ar,
        }
    }

    fn is_blank(&self) -> bool {
        Language::ALL.iter().all(|l| self.own(*l).trim().is_empty())
    }

    fn trimmed(&self) -> Self {
        Translated::new(self.fr.trim(), self.es.trim(), self.en.trim()).with_ar(self.ar.trim())
    }
}

crate::catalogue::vocabulary! {
    /// How a question is answered.
    QuestionKind { Scale => "scale", Choice => "choice", Text => "text" }
}

/// One question of a template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable across copies and versions ("overall", "relevance", ...; or
    /// "q7" for added ones): results of several sessions are joined by it.
    pub key: String,
    pub kind: QuestionKind,
    pub text: Translated,
    /// Scale: the label of 1.
    #[serde(default)]
    pub low: Option<Translated>,
    /// Scale: the label of 5.
    #[serde(default)]
    pub high: Option<Translated>,
    /// Choice: the options (their keys are their index as text "0", "1", ...).
    #[serde(default)]
    pub choices: Vec<Translated>,
    /// The one question whose mean feeds the indicators.
    #[serde(default)]
    pub overall: bool,
    #[serde(default)]
    pub required: bool,
}

impl Question {
    /// One answer as a form sends it: a scale's value "1" to "5", a choice's
    /// index, or a text (trimmed; new lines allowed, other control characters
    /// refused). Empty is no answer, refused when the question is required.
    pub fn parse_answer(&self, input: &str) -> Result<Option<Answer>, Problem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return if self.required {
                Err(Problem::required())
            } else {
                Ok(None)
            };
        }
        let answer = match self.kind {
            QuestionKind::Scale => trimmed
                .parse::<u8>()
                .ok()
                .filter(|value| (1..=5).contains(value))
                .map(Answer::Scale)
                .ok_or_else(|| Problem::new("error-answer-scale"))?,
            QuestionKind::Choice => trimmed
                .parse::<u16>()
                .ok()
                .filter(|index| usize::from(*index) < self.choices.len())
                .map(Answer::Choice)
                .ok_or_else(|| Problem::new("error-answer-choice"))?,
            QuestionKind::Text => Answer::Text(AnswerText::parse(trimmed)?.into_inner()),
        };
        Ok(Some(answer))
    }
}

/// A questionnaire: its name (for organisers) and its questions in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub name: String,
    pub questions: Vec<Question>,
}

/// Where the problems of a template are recorded: under the template's own
/// field names, or under the form's (whose row numbers may differ, as empty
/// rows are dropped).
enum Naming<'a> {
    /// `questions.3.text.es`, `questions.5.choices.1.fr`.
    Template,
    /// `q.4.text.es`, `q.6.choices.fr`: `rows[n]` is question n's form row.
    Form(&'a [usize]),
}

impl Naming<'_> {
    fn question(&self, n: usize) -> String {
        match self {
            Naming::Template => format!("questions.{n}"),
            Naming::Form(rows) => format!("q.{}", rows.get(n).copied().unwrap_or(n)),
        }
    }

    fn option(&self, n: usize, option: usize, language: Language) -> String {
        match self {
            Naming::Template => format!("questions.{n}.choices.{option}.{language}"),
            Naming::Form(_) => format!("{}.choices.{language}", self.question(n)),
        }
    }
}

/// Records a problem unless the field already has that very one (a form's
/// options share one field per language).
fn add_once(errors: &mut FieldErrors, field: &str, problem: Problem) {
    if !errors.get(field).contains(&problem) {
        errors.add(field, problem);
    }
}

fn key_is_valid(key: &str) -> bool {
    (1..=MAX_KEY_CHARS).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Every language of `text` non-empty (Arabic may be left out), single
/// line, at most 500 characters.
fn check_translated(errors: &mut FieldErrors, text: &Translated, field: impl Fn(Language) -> String) {
    for language in Language::ALL {
        if *language == Language::Ar && text.ar.is_empty() {
            continue;
        }
        if let Err(problem) = QuestionText::parse(text.own(*language)) {
            add_once(errors, &field(*language), problem);
        }
    }
}

impl Template {
    /// Whether the template can be answered: 1 to 30 questions; exactly one
    /// `overall`, a scale; keys unique and `[a-z0-9_]{1,40}`; every text
    /// non-empty in the three languages, single line, at most 500 characters;
    /// a choice has 2 to 10 options and no labels; a scale has the labels of
    /// 1 and 5 and no options; a text has neither.
    ///
    /// Field names: `name`, `questions`, `overall`, `questions.{n}.key`,
    /// `questions.{n}.text.{lang}`, `questions.{n}.low` / `.high` (missing or
    /// unwanted labels), `questions.{n}.low.{lang}` / `.high.{lang}`,
    /// `questions.{n}.choices` (their number), `questions.{n}.choices.{j}.{lang}`.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        self.check_into(&mut errors, &Naming::Template);
        errors.into_result()
    }

    fn check_into(&self, errors: &mut FieldErrors, naming: &Naming) {
        if let Err(problem) = TemplateName::parse(&self.name) {
            errors.add("name", problem);
        }
        if self.questions.is_empty() {
            errors.add("questions", Problem::new("error-survey-empty"));
        } else if self.questions.len() > MAX_QUESTIONS {
            errors.add(
                "questions",
                Problem::new("error-survey-too-many").with("max", MAX_QUESTIONS),
            );
        }
        let mut overall = self.questions.iter().filter(|q| q.overall);
        match (overall.next(), overall.next()) {
            (Some(question), None) => {
                if question.kind != QuestionKind::Scale {
                    errors.add("overall", Problem::new("error-survey-overall-scale"));
                }
            }
            _ => errors.add("overall", Problem::new("error-survey-overall-one")),
        }

        let mut keys = BTreeSet::new();
        for (n, question) in self.questions.iter().enumerate() {
            let prefix = naming.question(n);
            if !key_is_valid(&question.key) {
                errors.add(&format!("{prefix}.key"), Problem::new("error-survey-key"));
            } else if !keys.insert(question.key.as_str()) {
                errors.add(&format!("{prefix}.key"), Problem::new("error-survey-key-duplicate"));
            }
            check_translated(errors, &question.text, |l| format!("{prefix}.text.{l}"));

            let is_scale = question.kind == QuestionKind::Scale;
            for (end, label) in [("low", &question.low), ("high", &question.high)] {
                match (is_scale, label) {
                    (true, Some(label)) => check_translated(errors, label, |l| format!("{prefix}.{end}.{l}")),
                    (true, None) | (false, Some(_)) => {
                        errors.add(&format!("{prefix}.{end}"), Problem::new("error-survey-labels"));
                    }
                    (false, None) => {}
                }
            }

            let is_choice = question.kind == QuestionKind::Choice;
            let count = question.choices.len();
            if (is_choice && !(MIN_CHOICES..=MAX_CHOICES).contains(&count)) || (!is_choice && count > 0) {
                errors.add(
                    &format!("{prefix}.choices"),
                    Problem::new("error-survey-choices")
                        .with("min", MIN_CHOICES)
                        .with("max", MAX_CHOICES),
                );
            }
            if is_choice {
                for (j, option) in question.choices.iter().enumerate() {
                    check_translated(errors, option, |l| naming.option(n, j, l));
                }
            }
        }
    }
}

/// Aula's default questionnaire, in French, Spanish, English and Arabic.
pub fn default_template() -> Template {
    fn scale(key: &str, overall: bool, text: Translated, low: Translated, high: Translated) -> Question {
        Question {
            key: key.to_owned(),
            kind: QuestionKind::Scale,
            text,
            low: Some(low),
            high: Some(high),
            choices: Vec::new(),
            overall,
            required: true,
        }
    }
    fn open(key: &str, text: Translated) -> Question {
        Question {
            key: key.to_owned(),
            kind: QuestionKind::Text,
            text,
            low: None,
            high: None,
            choices: Vec::new(),
            overall: false,
            required: false,
        }
    }
    let t = |fr: &str, es: &str, en: &str, ar: &str| Translated::new(fr, es, en).with_ar(ar);
    let poor = || t("Très insuffisant", "Muy deficiente", "Very poor", "ضعيف جدًا");
    let excellent = || t("Excellent", "Excelente", "Excellent", "ممتاز");
    Template {
        name: "Aula".to_owned(),
        questions: vec![
            scale(
                "overall",
                true,
                t(
                    "Dans l'ensemble, quelle est votre satisfaction à l'égard de cette formation ?",
                    "En general, ¿cuál es su grado de satisfacción con este curso?",
                    "Overall, how satisfied are you with this course?",
                    "بشكل عام، ما مدى رضاك عن هذا التكوين؟",
                ),
                t("Très faible", "Muy bajo", "Not at all satisfied", "غير راضٍ إطلاقًا"),
                t("Très élevée", "Muy alto", "Very satisfied", "راضٍ جدًا"),
            ),
            scale(
                "relevance",
                false,
                t(
                    "Dans quelle mesure cette formation est-elle utile pour l'exercice de vos fonctions ?",
                    "¿En qué medida le resulta útil este curso para su trabajo?",
                    "How relevant is this course to your work?",
                    "إلى أي مدى يفيدك هذا التكوين في أداء مهامك؟",
                ),
                t("Pas du tout utile", "Nada útil", "Not relevant", "غير مفيد إطلاقًا"),
                t("Très utile", "Muy útil", "Highly relevant", "مفيد جدًا"),
            ),
            scale(
                "trainers",
                false,
                t(
                    "Comment évaluez-vous l'équipe pédagogique (maîtrise du sujet, clarté, disponibilité) ?",
                    "¿Cómo valora al equipo docente (dominio del tema, claridad, disponibilidad)?",
                    "How would you rate the trainers (command of the subject, clarity, availability)?",
                    "كيف تقيّم فريق التكوين (التمكن من الموضوع، الوضوح، التوفر)؟",
                ),
                poor(),
                excellent(),
            ),
            scale(
                "organisation",
                false,
                t(
                    "Comment évaluez-vous l'organisation et les supports (horaires, lieu ou plateforme, documents) ?",
                    "¿Cómo valora la organización y los materiales (horarios, lugar o plataforma, documentación)?",
                    "How would you rate the organisation and the materials (schedule, venue or platform, documents)?",
                    "كيف تقيّم التنظيم والوسائل (التوقيت، المكان أو المنصة، الوثائق)؟",
                ),
                poor(),
                excellent(),
            ),
            open(
                "apply",
                t(
                    "Qu'allez-vous mettre en pratique dans votre travail à la suite de cette formation ?",
                    "¿Qué va a aplicar en su trabajo a partir de este curso?",
                    "What will you put into practice in your work after this course?",
                    "ما الذي ستطبّقه في عملك بعد هذا التكوين؟",
                ),
            ),
            Question {
                key: "recommend".to_owned(),
                kind: QuestionKind::Choice,
                text: t(
                    "Recommanderiez-vous cette formation à vos collègues ?",
                    "¿Recomendaría este curso a sus colegas?",
                    "Would you recommend this course to your colleagues?",
                    "هل تنصح زملاءك بهذا التكوين؟",
                ),
                low: None,
                high: None,
                choices: vec![
                    t("Oui", "Sí", "Yes", "نعم"),
                    t("Peut-être", "Quizá", "Maybe", "ربما"),
                    t("Non", "No", "No", "لا"),
                ],
                overall: false,
                required: true,
            },
            open(
                "change",
                t(
                    "Qu'aimeriez-vous changer ou améliorer ?",
                    "¿Qué cambiaría o mejoraría?",
                    "What would you change or improve?",
                    "ما الذي تودّ تغييره أو تحسينه؟",
                ),
            ),
        ],
    }
}

/// One row of the template form, as sent.
#[derive(Default)]
struct Row {
    key: String,
    kind: String,
    text: Translated,
    low: Translated,
    high: Translated,
    choices: Translated,
    required: bool,
}

impl Row {
    fn set(&mut self, part: &str, value: &str) {
        match part {
            "key" => self.key = value.trim().to_owned(),
            "kind" => self.kind = value.to_owned(),
            "required" => self.required = matches!(value.trim(), "on" | "true" | "1"),
            _ => {
                let Some((group, code)) = part.split_once('.') else {
                    return;
                };
                let Ok(language) = Language::parse(code) else { return };
                let target = match group {
                    "text" => &mut self.text,
                    "low" => &mut self.low,
                    "high" => &mut self.high,
                    "choices" => &mut self.choices,
                    _ => return,
                };
                *target.slot(language) = value.to_owned();
            }
        }
    }

    /// A row is empty when every text its kind uses is (all of them when the
    /// kind is unknown): an added row left blank, or a question erased.
    fn is_blank(&self, kind: Option<QuestionKind>) -> bool {
        let extras: &[&Translated] = match kind {
            Some(QuestionKind::Scale) => &[&self.low, &self.high],
            Some(QuestionKind::Choice) => &[&self.choices],
            Some(QuestionKind::Text) => &[],
            None => &[&self.low, &self.high, &self.choices],
        };
        self.text.is_blank() && extras.iter().all(|t| t.is_blank())
    }
}

/// The options of a choice row: one per non-empty line, the same number in
/// each language (or `error-survey-choices-mismatch` on the shorter lists).
fn options_of(row: &Translated, index: usize, errors: &mut FieldErrors) -> Vec<Translated> {
    let lines = |language: Language| -> Vec<&str> {
        row.own(language)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    };
    let (fr, es, en, ar) = (
        lines(Language::Fr),
        lines(Language::Es),
        lines(Language::En),
        lines(Language::Ar),
    );
    let most = fr.len().max(es.len()).max(en.len()).max(ar.len());
    for (language, list) in [
        (Language::Fr, &fr),
        (Language::Es, &es),
        (Language::En, &en),
        (Language::Ar, &ar),
    ] {
        // Arabic is optional: no lines at all is fine.
        if list.len() < most && !(language == Language::Ar && list.is_empty()) {
            errors.add(
                &format!("q.{index}.choices.{language}"),
                Problem::new("error-survey-choices-mismatch"),
            );
        }
    }
    fn at<'a>(list: &[&'a str], j: usize) -> &'a str {
        list.get(j).copied().unwrap_or_default()
    }
    (0..most)
        .map(|j| Translated::new(at(&fr, j), at(&es, j), at(&en, j)).with_ar(at(&ar, j)))
        .collect()
}

/// A template from the flat fields of its edit form: `name`; per row `i`
/// (any numbers, in increasing order) `q.{i}.key`, `q.{i}.kind`,
/// `q.{i}.text.{fr|es|en}`, `q.{i}.low.{lang}`, `q.{i}.high.{lang}`,
/// `q.{i}.choices.{lang}` (one option per line), `q.{i}.required` ("on");
/// and `overall`, the row of the overall question. Other fields are ignored.
///
/// Empty rows are dropped; rows without a key get `q{n}`, `n` at least their
/// position and above any `q{m}` key already there. Labels and options the
/// kind does not use are ignored. Problems are recorded under the form's
/// field names (`q.4.text.es`, `q.6.choices.fr`, `q.2.key`, `q.3.kind`,
/// `overall`, `questions`, `name`; a wrong number of options is on
/// `q.{i}.choices`), with the rules of [`Template::check`].
pub fn template_from_pairs(pairs: &[(String, String)]) -> Result<Template, FieldErrors> {
    let mut name = String::new();
    let mut overall_row: Option<usize> = None;
    let mut rows: BTreeMap<usize, Row> = BTreeMap::new();
    for (field, value) in pairs {
        match field.as_str() {
            "name" => name = value.trim().to_owned(),
            "overall" => overall_row = value.trim().parse().ok(),
            _ => {
                let Some((index, part)) = field.strip_prefix("q.").and_then(|rest| rest.split_once('.')) else {
                    continue;
                };
                if let Ok(index) = index.parse::<usize>() {
                    rows.entry(index).or_default().set(part, value);
                }
            }
        }
    }

    let mut errors = FieldErrors::new();
    let mut kind_failed = false;
    let mut indices = Vec::new();
    let mut questions = Vec::new();
    for (index, row) in &rows {
        let kind = QuestionKind::parse(&row.kind);
        if row.is_blank(kind.as_ref().ok().copied()) {
            continue;
        }
        let kind = match kind {
            Ok(kind) => kind,
            Err(problem) => {
                errors.add(&format!("q.{index}.kind"), problem);
                kind_failed = true;
                continue;
            }
        };
        let is_scale = kind == QuestionKind::Scale;
        indices.push(*index);
        questions.push(Question {
            key: row.key.clone(),
            kind,
            text: row.text.trimmed(),
            low: is_scale.then(|| row.low.trimmed()),
            high: is_scale.then(|| row.high.trimmed()),
            choices: if kind == QuestionKind::Choice {
                options_of(&row.choices, *index, &mut errors)
            } else {
                Vec::new()
            },
            overall: overall_row == Some(*index),
            required: row.required,
        });
    }
    // An unknown kind is a tampered form: its row cannot be checked, nor can
    // the rules that count questions.
    if kind_failed {
        return Err(errors);
    }

    let mut taken: BTreeSet<String> = questions.iter().map(|q| q.key.clone()).collect();
    let mut highest = taken
        .iter()
        .filter_map(|key| key.strip_prefix('q')?.parse::<usize>().ok())
        .max()
        .unwrap_or(0);
    for (position, question) in questions.iter_mut().enumerate() {
        if question.key.is_empty() {
            let mut n = (position + 1).max(highest + 1);
            while taken.contains(&format!("q{n}")) {
                n += 1;
            }
            question.key = format!("q{n}");
            taken.insert(question.key.clone());
            highest = n;
        }
    }

    let template = Template { name, questions };
    let mut checked = FieldErrors::new();
    template.check_into(&mut checked, &Naming::Form(&indices));
    // A field already refused by the form (options of unequal numbers) keeps
    // that one problem rather than its consequences.
    for (field, problems) in checked.iter() {
        if errors.get(field).is_empty() {
            for problem in problems {
                errors.add(field, problem.clone());
            }
        }
    }
    if errors.is_empty() { Ok(template) } else { Err(errors) }
}

/// The fields of the edit form for `template`, to pre-fill it; read back by
/// [`template_from_pairs`] into the same template.
pub fn template_to_pairs(template: &Template) -> Vec<(String, String)> {
    let mut pairs = vec![("name".to_owned(), template.name.clone())];
    for (i, question) in template.questions.iter().enumerate() {
        pairs.push((format!("q.{i}.key"), question.key.clone()));
        pairs.push((format!("q.{i}.kind"), question.kind.as_str().to_owned()));
        for language in Language::ALL {
            pairs.push((
                format!("q.{i}.text.{language}"),
                question.text.own(*language).to_owned(),
            ));
        }
        for (end, label) in [("low", &question.low), ("high", &question.high)] {
            if let Some(label) = label {
                for language in Language::ALL {
                    pairs.push((format!("q.{i}.{end}.{language}"), label.own(*language).to_owned()));
                }
            }
        }
        if !question.choices.is_empty() {
            for language in Language::ALL {
                let lines: Vec<&str> = question.choices.iter().map(|c| c.own(*language)).collect();
                pairs.push((format!("q.{i}.choices.{language}"), lines.join("\n")));
            }
        }
        if question.required {
            pairs.push((format!("q.{i}.required"), "on".to_owned()));
        }
    }
    if let Some(index) = template.questions.iter().position(|q| q.overall) {
        pairs.push(("overall".to_owned(), index.to_string()));
    }
    pairs
}

/// One answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// 1 to 5.
    Scale(u8),
    /// The index of the option chosen.
    Choice(u16),
    Text(String),
}

impl Answer {
    pub fn kind(&self) -> QuestionKind {
        match self {
            Answer::Scale(_) => QuestionKind::Scale,
            Answer::Choice(_) => QuestionKind::Choice,
            Answer::Text(_) => QuestionKind::Text,
        }
    }
}

/// The answers of one submission, by question key in the template's order,
/// checked against the template (see [`Question::parse_answer`]): form
/// fields `a.<key>`; required questions must be answered; unknown keys and
/// repeated fields are refused. Other fields are ignored. Field names
/// `answers.<key>`.
pub fn answers_from_pairs(
    template: &Template,
    pairs: &[(String, String)],
) -> Result<Vec<(String, Answer)>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut given: BTreeMap<&str, &str> = BTreeMap::new();
    for (field, value) in pairs {
        let Some(key) = field.strip_prefix("a.") else { continue };
        if !template.questions.iter().any(|q| q.key == key) {
            add_once(
                &mut errors,
                &format!("answers.{key}"),
                Problem::new("error-answer-unknown"),
            );
        } else if given.insert(key, value).is_some() {
            add_once(&mut errors, &format!("answers.{key}"), Problem::new("error-choice"));
        }
    }
    let mut answers = Vec::new();
    for question in &template.questions {
        let input = given.get(question.key.as_str()).copied().unwrap_or_default();
        match question.parse_answer(input) {
            Ok(Some(answer)) => answers.push((question.key.clone(), answer)),
            Ok(None) => {}
            Err(problem) => add_once(&mut errors, &format!("answers.{}", question.key), problem),
        }
    }
    if errors.is_empty() { Ok(answers) } else { Err(errors) }
}

/// One question's results over many submissions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub key: String,
    /// How many answers were counted.
    pub count: u64,
    /// Scale: the mean, rounded to 2 decimals; `None` when nobody answered,
    /// and for other kinds.
    pub mean: Option<f64>,
    /// Scale: 5 counts, for 1 to 5; Choice: one count per option; Text: none.
    pub distribution: Vec<u64>,
    /// Text: the answers as written.
    pub texts: Vec<String>,
}

/// The results of `question` from its answers. Answers that do not fit the
/// question (another kind, out of range: a template edited since) are left
/// out and not counted.
pub fn summarise(question: &Question, answers: impl IntoIterator<Item = Answer>) -> QuestionResult {
    let mut distribution = match question.kind {
        QuestionKind::Scale => vec![0; 5],
        QuestionKind::Choice => vec![0; question.choices.len()],
        QuestionKind::Text => Vec::new(),
    };
    let mut texts = Vec::new();
    for answer in answers {
        let slot = match (question.kind, answer) {
            (QuestionKind::Scale, Answer::Scale(value)) => usize::from(value).checked_sub(1),
            (QuestionKind::Choice, Answer::Choice(index)) => Some(usize::from(index)),
            (QuestionKind::Text, Answer::Text(text)) => {
                texts.push(text);
                None
            }
            _ => None,
        };
        if let Some(count) = slot.and_then(|i| distribution.get_mut(i)) {
            *count += 1;
        }
    }
    let count = distribution.iter().sum::<u64>() + texts.len() as u64;
    let mean = match question.kind {
        QuestionKind::Scale => mean_of(&distribution),
        _ => None,
    };
    QuestionResult {
        key: question.key.clone(),
        count,
        mean,
        distribution,
        texts,
    }
}

/// `numerator / denominator` rounded half away from zero to a whole number,
/// for non-negative values; `denominator` must not be 0.
fn divide_rounded(numerator: u128, denominator: u128) -> u128 {
    (2 * numerator + denominator) / (2 * denominator)
}

/// The mean of a scale from its counts (`distribution[0]` answers of 1,
/// `distribution[1]` of 2, ...: what a database GROUP BY returns):
/// sum(value × count) / sum(count), rounded half away from zero to 2
/// decimals. `None` when there is no answer.
pub fn mean_of(distribution: &[u64]) -> Option<f64> {
    let answers: u128 = distribution.iter().map(|c| u128::from(*c)).sum();
    if answers == 0 {
        return None;
    }
    let total: u128 = (1u128..)
        .zip(distribution)
        .map(|(value, count)| value * u128::from(*count))
        .sum();
    Some(divide_rounded(total * 100, answers) as f64 / 100.0)
}

/// Whether results of `count` answers may be shown per session to trainers.
pub fn enough_to_show(count: u64) -> bool {
    count >= MIN_GROUP
}

/// The percent of `invited` people who `answered`, rounded half away from
/// zero to 1 decimal; `None` when nobody was invited.
pub fn response_rate(invited: u64, answered: u64) -> Option<f64> {
    if invited == 0 {
        return None;
    }
    Some(divide_rounded(u128::from(answered) * 1000, u128::from(invited)) as f64 / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Arg;

    fn keys<'a>(errors: &'a FieldErrors, field: &str) -> Vec<&'a str> {
        errors.get(field).iter().map(|p| p.key).collect()
    }

    fn refused(template: &Template) -> FieldErrors {
        match template.check() {
            Ok(()) => panic!("{template:?} should be refused"),
            Err(errors) => errors,
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn the_default_template_is_valid_and_translated() {
        let template = default_template();
        assert_eq!(template.check(), Ok(()));
        assert_eq!(template.questions.len(), 7);
        let overall: Vec<_> = template.questions.iter().filter(|q| q.overall).collect();
        assert_eq!(overall.len(), 1);
        assert_eq!(overall[0].key, "overall");
        assert_eq!(overall[0].kind, QuestionKind::Scale);
        for question in &template.questions {
            let texts = [question.text.fr.as_str(), &question.text.es, &question.text.en];
            assert!(texts.iter().all(|t| !t.is_empty()), "{}", question.key);
            // Three different languages, not one copied thrice.
            assert_ne!(texts[0], texts[1], "{}", question.key);
            assert_ne!(texts[0], texts[2], "{}", question.key);
            assert_ne!(texts[1], texts[2], "{}", question.key);
        }
        let recommend = &template.questions[5];
        assert_eq!(recommend.choices.len(), 3);
        assert_eq!(recommend.choices[0].get(Language::Es), "Sí");
        assert!(!template.questions[4].required && !template.questions[6].required);
    }

    #[test]
    fn each_check_rule_is_refused_with_its_field() {
        let base = default_template;

        let mut t = base();
        t.name = " ".into();
        assert_eq!(keys(&refused(&t), "name"), ["error-required"]);

        let mut t = base();
        t.questions.clear();
        assert_eq!(keys(&refused(&t), "questions"), ["error-survey-empty"]);

        let mut t = base();
        for n in 0..24 {
            let mut extra = t.questions[1].clone();
            extra.key = format!("extra_{n}");
            t.questions.push(extra);
        }
        assert_eq!(t.questions.len(), 31);
        let errors = refused(&t);
        assert_eq!(keys(&errors, "questions"), ["error-survey-too-many"]);
        assert_eq!(errors.get("questions")[0].args, [("max", Arg::Number(30))]);
        t.questions.pop();
        assert_eq!(t.check(), Ok(()));

        let mut t = base();
        t.questions[0].overall = false;
        assert_eq!(keys(&refused(&t), "overall"), ["error-survey-overall-one"]);
        let mut t = base();
        t.questions[1].overall = true;
        assert_eq!(keys(&refused(&t), "overall"), ["error-survey-overall-one"]);
        let mut t = base();
        t.questions[0].overall = false;
        t.questions[4].overall = true;
        assert_eq!(keys(&refused(&t), "overall"), ["error-survey-overall-scale"]);

        for bad in ["", "Overall", "a-b", "né", "a b", &"a".repeat(41)] {
            let mut t = base();
            t.questions[2].key = bad.to_owned();
            assert_eq!(keys(&refused(&t), "questions.2.key"), ["error-survey-key"], "{bad:?}");
        }
        let mut t = base();
        t.questions[2].key = "a".repeat(40);
        assert_eq!(t.check(), Ok(()));
        t.questions[3].key = "relevance".into();
        assert_eq!(keys(&refused(&t), "questions.3.key"), ["error-survey-key-duplicate"]);

        let mut t = base();
        t.questions[3].text.es = "  ".into();
        t.questions[3].text.fr = "x".repeat(501);
        t.questions[3].text.en = "two\nlines".into();
        let errors = refused(&t);
        assert_eq!(keys(&errors, "questions.3.text.es"), ["error-required"]);
        assert_eq!(keys(&errors, "questions.3.text.fr"), ["error-too-long"]);
        assert_eq!(keys(&errors, "questions.3.text.en"), ["error-control-characters"]);
        let mut t = base();
        t.questions[3].text.fr = "x".repeat(500);
        assert_eq!(t.check(), Ok(()));

        let mut t = base();
        t.questions[5].choices.truncate(1);
        let errors = refused(&t);
        assert_eq!(keys(&errors, "questions.5.choices"), ["error-survey-choices"]);
        assert_eq!(
            errors.get("questions.5.choices")[0].args,
            [("min", Arg::Number(2)), ("max", Arg::Number(10))]
        );
        let mut t = base();
        t.questions[5].choices = vec![Translated::new("a", "b", "c"); 11];
        assert_eq!(keys(&refused(&t), "questions.5.choices"), ["error-survey-choices"]);
        t.questions[5].choices.pop();
        assert_eq!(t.check(), Ok(()));
        t.questions[5].choices[1].en.clear();
        assert_eq!(keys(&refused(&t), "questions.5.choices.1.en"), ["error-required"]);

        let mut t = base();
        t.questions[2].low = None;
        assert_eq!(keys(&refused(&t), "questions.2.low"), ["error-survey-labels"]);
        let mut t = base();
        if let Some(high) = t.questions[2].high.as_mut() {
            high.fr.clear();
        }
        assert_eq!(keys(&refused(&t), "questions.2.high.fr"), ["error-required"]);
        let mut t = base();
        t.questions[2].choices = vec![Translated::new("a", "b", "c"); 2];
        assert_eq!(keys(&refused(&t), "questions.2.choices"), ["error-survey-choices"]);

        let mut t = base();
        t.questions[4].high = Some(Translated::new("a", "b", "c"));
        assert_eq!(keys(&refused(&t), "questions.4.high"), ["error-survey-labels"]);
        let mut t = base();
        t.questions[4].choices = vec![Translated::new("a", "b", "c"); 2];
        assert_eq!(keys(&refused(&t), "questions.4.choices"), ["error-survey-choices"]);
        let mut t = base();
        t.questions[5].low = Some(Translated::new("a", "b", "c"));
        assert_eq!(keys(&refused(&t), "questions.5.low"), ["error-survey-labels"]);
    }

    #[test]
    fn pairs_round_trip() {
        let template = default_template();
        assert_eq!(template_from_pairs(&template_to_pairs(&template)), Ok(template));

        let mut custom = default_template();
        custom.name = "Short".into();
        custom.questions.truncate(2);
        custom.questions[0].overall = false;
        custom.questions[1].overall = true;
        custom.questions[1].required = false;
        custom.questions.push(Question {
            key: "q3".into(),
            kind: QuestionKind::Choice,
            text: Translated::new("Format ?", "¿Formato?", "Format?"),
            low: None,
            high: None,
            choices: vec![
                Translated::new("En ligne", "En línea", "Online"),
                Translated::new("En salle", "Presencial", "In person"),
            ],
            overall: false,
            required: false,
        });
        assert_eq!(custom.check(), Ok(()));
        assert_eq!(template_from_pairs(&template_to_pairs(&custom)), Ok(custom));
    }

    #[test]
    fn form_rows_drop_empties_generate_keys_and_name_fields() {
        let mut form = pairs(&[
            ("name", "  Mine "),
            ("csrf", "ignored"),
            ("overall", "0"),
            ("q.0.key", "overall"),
            ("q.0.kind", "scale"),
            ("q.0.text.fr", " Satisfaction ? "),
            ("q.0.text.es", "¿Satisfacción?"),
            ("q.0.text.en", "Satisfaction?"),
            ("q.0.low.fr", "Faible"),
            ("q.0.low.es", "Baja"),
            ("q.0.low.en", "Low"),
            ("q.0.high.fr", "Élevée"),
            ("q.0.high.es", "Alta"),
            ("q.0.high.en", "High"),
            ("q.0.required", "on"),
            // An added row left blank.
            ("q.1.key", ""),
            ("q.1.kind", "scale"),
            ("q.1.text.fr", " "),
            // A new choice row; its leftover labels are ignored.
            ("q.2.kind", "choice"),
            ("q.2.text.fr", "Format ?"),
            ("q.2.text.es", "¿Formato?"),
            ("q.2.text.en", "Format?"),
            ("q.2.choices.fr", "En ligne\r\n\r\nEn salle\r\n"),
            ("q.2.choices.es", "En línea\nPresencial"),
            ("q.2.choices.en", "Online\nIn person"),
            ("q.2.low.fr", "stale"),
            // A new text row.
            ("q.7.kind", "text"),
            ("q.7.text.fr", "Autre ?"),
            ("q.7.text.es", "¿Algo más?"),
            ("q.7.text.en", "Anything else?"),
        ]);
        let template = match template_from_pairs(&form) {
            Ok(template) => template,
            Err(errors) => panic!("{errors}"),
        };
        assert_eq!(template.name, "Mine");
        let keys_made: Vec<&str> = template.questions.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(keys_made, ["overall", "q2", "q3"]);
        assert!(template.questions[0].overall && template.questions[0].required);
        assert_eq!(template.questions[0].text.fr, "Satisfaction ?");
        assert_eq!(template.questions[1].choices[1].fr, "En salle");
        assert_eq!(template.questions[1].low, None);
        assert_eq!(template.questions[2].kind, QuestionKind::Text);

        // Generated keys avoid those in use and stay above existing ones.
        let mut with_q5 = form.clone();
        with_q5.push(("q.7.key".into(), "q5".into()));
        let template = template_from_pairs(&with_q5).map_err(|e| e.to_string());
        let keys_made: Vec<String> = template
            .map(|t| t.questions.into_iter().map(|q| q.key).collect())
            .unwrap_or_default();
        assert_eq!(keys_made, ["overall", "q6", "q5"]);

        // Problems are named by the form's rows, not the questions' positions.
        form.retain(|(k, _)| k != "q.2.text.es" && k != "q.2.choices.en");
        form.push(("q.2.choices.en".into(), "Online".into()));
        form.push(("q.7.key".into(), "Bad key".into()));
        let errors = template_from_pairs(&form).err().unwrap_or_default();
        assert_eq!(keys(&errors, "q.2.text.es"), ["error-required"]);
        assert_eq!(keys(&errors, "q.2.choices.en"), ["error-survey-choices-mismatch"]);
        assert_eq!(keys(&errors, "q.7.key"), ["error-survey-key"]);
        assert_eq!(errors.iter().count(), 3, "{errors}");

        // Options must be valid in each language; one problem per field.
        let mut form = template_to_pairs(&default_template());
        for (k, v) in &mut form {
            if k.as_str() == "q.5.choices.es" {
                *v = "Sí\nQuizá\u{7}\nNo\u{7}".into();
            }
        }
        let errors = template_from_pairs(&form).err().unwrap_or_default();
        assert_eq!(keys(&errors, "q.5.choices.es"), ["error-control-characters"]);

        // The overall row erased, or pointing nowhere; an unknown kind.
        let mut form = template_to_pairs(&default_template());
        form.retain(|(k, _)| !k.starts_with("q.0.text") && !k.starts_with("q.0.low") && !k.starts_with("q.0.high"));
        assert_eq!(
            keys(&template_from_pairs(&form).err().unwrap_or_default(), "overall"),
            ["error-survey-overall-one"]
        );
        let mut form = template_to_pairs(&default_template());
        form.push(("overall".into(), "x".into()));
        form.push(("q.3.kind".into(), "slider".into()));
        let errors = template_from_pairs(&form).err().unwrap_or_default();
        assert_eq!(keys(&errors, "q.3.kind"), ["error-choice"]);
        assert!(template_from_pairs(&pairs(&[("name", "x")])).is_err());
    }

    fn valid_answers() -> Vec<(String, String)> {
        pairs(&[
            ("csrf", "ignored"),
            ("a.overall", "5"),
            ("a.relevance", "4"),
            ("a.trainers", " 3 "),
            ("a.organisation", "1"),
            ("a.apply", "  The checklist.\r\nAnd more.  "),
            ("a.recommend", "0"),
            ("a.change", ""),
        ])
    }

    fn answers_refused(change: &[(&str, &str)]) -> FieldErrors {
        let mut form = valid_answers();
        for (key, value) in change {
            form.retain(|(k, _)| k != key);
            if !value.is_empty() {
                form.push(((*key).to_owned(), (*value).to_owned()));
            }
        }
        match answers_from_pairs(&default_template(), &form) {
            Ok(answers) => panic!("{change:?} should be refused: {answers:?}"),
            Err(errors) => errors,
        }
    }

    #[test]
    fn answers_are_checked_against_the_template() {
        let answers = answers_from_pairs(&default_template(), &valid_answers());
        let expected: Vec<(String, Answer)> = vec![
            ("overall".into(), Answer::Scale(5)),
            ("relevance".into(), Answer::Scale(4)),
            ("trainers".into(), Answer::Scale(3)),
            ("organisation".into(), Answer::Scale(1)),
            ("apply".into(), Answer::Text("The checklist.\nAnd more.".into())),
            ("recommend".into(), Answer::Choice(0)),
        ];
        assert_eq!(answers, Ok(expected));

        let long = "x".repeat(2001);
        // (fields changed, field refused, problem)
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
        let cases: &[Case] = &[
            (&[("a.overall", "0")], "answers.overall", "error-answer-scale"),
            (&[("a.overall", "6")], "answers.overall", "error-answer-scale"),
            (&[("a.overall", "x")], "answers.overall", "error-answer-scale"),
            (&[("a.overall", "4.5")], "answers.overall", "error-answer-scale"),
            (&[("a.recommend", "3")], "answers.recommend", "error-answer-choice"),
            (&[("a.recommend", "-1")], "answers.recommend", "error-answer-choice"),
            (&[("a.recommend", "yes")], "answers.recommend", "error-answer-choice"),
            (&[("a.change", long.as_str())], "answers.change", "error-too-long"),
            (
                &[("a.change", "bell\u{7}")],
                "answers.change",
                "error-control-characters",
            ),
            (&[("a.trainers", "")], "answers.trainers", "error-required"),
            (&[("a.recommend", " ")], "answers.recommend", "error-required"),
            (&[("a.mood", "5")], "answers.mood", "error-answer-unknown"),
        ];
        for (change, field, key) in cases {
            let errors = answers_refused(change);
            assert_eq!(keys(&errors, field), [*key], "{change:?}");
            assert_eq!(errors.iter().count(), 1, "{change:?}: {errors}");
        }

        let mut form = valid_answers();
        form.push(("a.overall".into(), "4".into()));
        let errors = answers_from_pairs(&default_template(), &form).err().unwrap_or_default();
        assert_eq!(keys(&errors, "answers.overall"), ["error-choice"]);

        let mut form = valid_answers();
        form.retain(|(k, _)| k != "a.apply" && k != "a.change");
        form.push(("a.change".into(), "x".repeat(2000)));
        assert!(answers_from_pairs(&default_template(), &form).is_ok());
    }

    #[test]
    fn means_from_counts() {
        let cases: &[(&[u64], Option<f64>)] = &[
            (&[0, 0, 1, 2, 3], Some(4.33)), // 26/6
            (&[0, 0, 1, 1, 1], Some(4.0)),  // 12/3
            (&[0, 0, 1, 0, 2], Some(4.33)), // 13/3
            (&[1, 1, 1, 1, 1], Some(3.0)),
            (&[0, 0, 0, 0, 7], Some(5.0)),
            (&[1, 0, 0, 0, 0], Some(1.0)),
            (&[0, 1, 0, 0, 1], Some(3.5)),
            (&[0, 0, 0, 1, 7], Some(4.88)), // 4.875, half away from zero
            (&[0, 0, 1, 0, 7], Some(4.75)), // 4.75
            (&[0, 0, 2, 0, 1], Some(3.67)), // 3.666…
            (&[0, 0, 1, 5, 0], Some(3.83)), // 3.8333…
            (&[0, 0, 5, 0, 3], Some(3.75)), // 3.75
            (&[0, 0, 0, 0, 0], None),
            (&[], None),
        ];
        for (distribution, expected) in cases {
            assert_eq!(mean_of(distribution), *expected, "{distribution:?}");
        }
        assert_eq!(mean_of(&[u64::MAX, u64::MAX, 0, 0, 0]), Some(1.5));
    }

    #[test]
    fn response_rates() {
        let cases = [
            (7, 3, Some(42.9)),
            (3, 3, Some(100.0)),
            (8, 1, Some(12.5)),
            (16, 1, Some(6.3)), // 6.25
            (3, 2, Some(66.7)),
            (3, 0, Some(0.0)),
            (0, 0, None),
        ];
        for (invited, answered, expected) in cases {
            assert_eq!(response_rate(invited, answered), expected, "{answered}/{invited}");
        }
        assert!(!enough_to_show(2) && enough_to_show(MIN_GROUP));
    }

    #[test]
    fn summaries() {
        let template = default_template();
        let overall = &template.questions[0];
        let scale = [5, 4, 4, 3, 3, 3].map(Answer::Scale);
        let result = summarise(overall, scale.into_iter().chain([Answer::Scale(0), Answer::Choice(1)]));
        assert_eq!(
            result,
            QuestionResult {
                key: "overall".into(),
                count: 6,
                mean: Some(3.67),
                distribution: vec![0, 0, 3, 2, 1],
                texts: vec![],
            }
        );
        assert_eq!(summarise(overall, []).mean, None);

        let recommend = &template.questions[5];
        let result = summarise(recommend, [0, 0, 2, 9].map(Answer::Choice));
        assert_eq!(
            (result.count, result.mean, result.distribution),
            (3, None, vec![2, 0, 1])
        );

        let change = &template.questions[6];
        let result = summarise(change, [Answer::Text("More cases".into()), Answer::Scale(2)]);
        assert_eq!((result.count, result.texts), (1, vec!["More cases".to_owned()]));
        assert!(result.distribution.is_empty());
    }
}
