//! A reminder rule's texts, one per language it is written in; the texts a new rule starts
//! with, in English and in Hindi; and which text a patient gets: the one in the patient's own
//! language, else the one in the clinic's language, else English, else whichever there is.

use super::reminder::{Channel, Template};
use super::template::{self, TemplateError};
use crate::i18n::Language;

/// A rule's texts by language. A language without a text is left out: its patients get the
/// text in the clinic's language (see [`Templates::choose`]).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Templates {
    /// In the order of [`Language::ALL`], each language at most once.
    by_language: Vec<(Language, Template)>,
}

/// A rule's texts that cannot be used, and how to fix them.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplatesError {
    /// No language has a text.
    #[error("{}", crate::t!("core-templates-none"))]
    None,
    /// The text in one language cannot be used.
    #[error(
        "{}",
        crate::t!("core-templates-in-language", language = _0.native_name(), problem = _1.to_string())
    )]
    In(Language, TemplateError),
}

impl Templates {
    /// Texts in one language only.
    pub fn one(language: Language, template: Template) -> Self {
        let mut templates = Templates::default();
        templates.set(language, template);
        templates
    }

    /// The text in `language`, if the rule has one.
    pub fn get(&self, language: Language) -> Option<&Template> {
        self.by_language
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, t)| t)
    }

    /// Sets the text in `language`; a text with neither subject nor body (blank) removes it.
    pub fn set(&mut self, language: Language, template: Template) {
        self.by_language.retain(|(l, _)| *l != language);
        if template.subject.trim().is_empty() && template.body.trim().is_empty() {
            return;
        }
        self.by_language.push((language, template));
        self.by_language
            .sort_by_key(|(l, _)| Language::ALL.iter().position(|x| x == l));
    }

    /// Every text, with its language, in the order of [`Language::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Language, &Template)> {
        self.by_language.iter().map(|(l, t)| (*l, t))
    }

    /// True when no language has a text.
    pub fn is_empty(&self) -> bool {
        self.by_language.is_empty()
    }

    /// The text a patient gets, and its language: the patient's language when the rule is
    /// written in it, else the clinic's, else English, else the first there is. `None` only
    /// when the rule has no text at all.
    pub fn choose(
        &self,
        patient: Option<Language>,
        clinic: Language,
    ) -> Option<(Language, &Template)> {
        patient
            .into_iter()
            .chain([clinic, Language::English])
            .find_map(|l| self.get(l).map(|t| (l, t)))
            .or_else(|| self.by_language.first().map(|(l, t)| (*l, t)))
    }

    /// Checks every text (see [`template::check`]); at least one language must have one.
    pub fn check(&self) -> Result<(), TemplatesError> {
        if self.is_empty() {
            return Err(TemplatesError::None);
        }
        for (language, text) in self.iter() {
            template::check(text).map_err(|e| TemplatesError::In(language, e))?;
        }
        Ok(())
    }
}

/// The texts a new rule on `channel` starts with: English and Hindi.
pub fn default_templates(channel: Channel) -> Templates {
    let mut templates = Templates::default();
    for language in Language::ALL {
        templates.set(language, default_template_in(language, channel));
    }
    templates
}

/// The text a new rule on `channel` starts with in `language`. The placeholders stay as they
/// are in every language (`{date}` is filled in with the date in the text's language).
pub fn default_template_in(language: Language, channel: Channel) -> Template {
    let (subject, body) = match (language, channel) {
        (Language::English, Channel::Email) => (
            "Reminder: your appointment on {date} at {time}",
            "Dear {patient},\n\nThis is a reminder of your appointment with {doctor} at \
             {clinic} on {date} at {time}.\n{where}\n\nIf you cannot come, please call us so \
             that we can give the time to another patient.\n\n{clinic}",
        ),
        (Language::English, Channel::Webhook) => (
            "Appointment reminder",
            "{clinic}: reminder of your appointment with {doctor} on {date} at {time}. {where}",
        ),
        (Language::Hindi, Channel::Email) => (
            "रिमाइंडर: {date} को {time} बजे आपका अपॉइंटमेंट",
            "प्रिय {patient},\n\nयाद दिला दें कि {date} को {time} बजे {clinic} में {doctor} के \
             साथ आपका अपॉइंटमेंट है।\n{where}\n\nयदि आप नहीं आ सकते, तो कृपया हमें फ़ोन करें ताकि \
             हम यह समय किसी दूसरे मरीज़ को दे सकें।\n\n{clinic}",
        ),
        (Language::Hindi, Channel::Webhook) => (
            "अपॉइंटमेंट रिमाइंडर",
            "{clinic}: {date} को {time} बजे {doctor} के साथ आपके अपॉइंटमेंट का रिमाइंडर। {where}",
        ),
    };
    Template {
        subject: subject.into(),
        body: body.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(subject: &str, body: &str) -> Template {
        Template {
            subject: subject.into(),
            body: body.into(),
        }
    }

    #[test]
    fn the_patients_language_then_the_clinics_then_english_then_any() {
        let both = default_templates(Channel::Email);
        let hindi = both.get(Language::Hindi).cloned();
        let english = both.get(Language::English).cloned();
        let pick = |t: &Templates, p, c| t.choose(p, c).map(|(l, t)| (l, t.clone()));
        assert_eq!(
            pick(&both, Some(Language::Hindi), Language::English),
            Some((Language::Hindi, hindi.clone().expect("hindi")))
        );
        assert_eq!(
            pick(&both, None, Language::Hindi),
            Some((Language::Hindi, hindi.clone().expect("hindi")))
        );
        assert_eq!(
            pick(&both, Some(Language::English), Language::Hindi),
            Some((Language::English, english.clone().expect("english")))
        );
        let only_english = Templates::one(Language::English, english.clone().expect("english"));
        assert_eq!(
            pick(&only_english, Some(Language::Hindi), Language::Hindi),
            Some((Language::English, english.expect("english")))
        );
        let only_hindi = Templates::one(Language::Hindi, hindi.clone().expect("hindi"));
        assert_eq!(
            pick(&only_hindi, Some(Language::English), Language::English),
            Some((Language::Hindi, hindi.expect("hindi")))
        );
        assert_eq!(Templates::default().choose(None, Language::English), None);
    }

    #[test]
    fn a_blank_text_removes_its_language_and_order_follows_the_languages() {
        let mut t = Templates::one(Language::Hindi, text("विषय", "{patient}"));
        t.set(Language::English, text("Subject", "{patient}"));
        let order: Vec<Language> = t.iter().map(|(l, _)| l).collect();
        assert_eq!(order, Language::ALL.to_vec());
        t.set(Language::Hindi, text("  ", "\n"));
        assert_eq!(t.get(Language::Hindi), None);
        t.set(Language::English, text("", ""));
        assert!(t.is_empty());
        assert_eq!(t.check(), Err(TemplatesError::None));
    }

    #[test]
    fn every_language_is_checked_and_named_in_the_problem() {
        let mut t = default_templates(Channel::Webhook);
        assert_eq!(t.check(), Ok(()));
        t.set(Language::Hindi, text("विषय", "नमस्ते {नाम}"));
        assert!(matches!(
            t.check(),
            Err(TemplatesError::In(
                Language::Hindi,
                TemplateError::Unknown { .. }
            ))
        ));
        t.set(Language::Hindi, text("विषय", ""));
        assert_eq!(
            t.check(),
            Err(TemplatesError::In(Language::Hindi, TemplateError::Empty))
        );
    }

    #[test]
    fn every_default_text_is_usable_in_every_language() {
        for channel in Channel::ALL {
            let t = default_templates(channel);
            assert_eq!(t.iter().count(), Language::ALL.len());
            assert_eq!(t.check(), Ok(()));
        }
    }
}
