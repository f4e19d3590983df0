//! Two languages, two audiences: the words people read, from one catalogue of messages.
//!
//! Every text a person reads — a diagnostic and its help line, an error on stderr, the headers
//! and status words of a table, a template's instructions — is a message of the catalogue
//! under `src/i18n/<lang>/*.ftl`, written in [Fluent](https://projectfluent.org), one file per
//! theme in each language. Code names a message by its id and passes its arguments; the words
//! live in the catalogue, never in the code. Machine formats (JSON, the CSV of `list` and
//! `score`) do not go through here: their keys and values are a stable English contract.
//!
//! Which language: the *deliverables* (what a user hands on) follow the plan's `lang` (Italian
//! when absent); the *interface* (diagnostics, errors, notes) follows the user's `--lang`,
//! `CRUSCOTTO_LANG` or locale. The library never reads the environment: the CLI resolves both
//! and passes a [`Lang`] to the renderers.
//!
//! A [`Message`] is a value (an id and its arguments) rendered only when shown, so that a
//! diagnostic found once can be printed in either language. Numbers in arguments are passed
//! already formatted (exact decimals, Italian or English separators: [`format_decimal`]); only
//! counts ([`Message::count`]) are Fluent numbers, so that plural forms can select on them.

use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_decimal::Decimal;

/// A language of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Italian: the default of every deliverable.
    #[default]
    It,
    /// English.
    En,
}

impl Lang {
    /// Every language, Italian first.
    pub const ALL: [Lang; 2] = [Lang::It, Lang::En];

    /// The code used in plans and on the command line: `it` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    /// Reads a language code (`it`, `en`, case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language of a POSIX locale value such as `it_IT.UTF-8`, `it`, `en_GB` or `C`: its
    /// language part, when it is one of the catalogue's. `C`, `POSIX` and other languages give
    /// `None` (the caller falls back to English).
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let language = locale.split(['_', '-', '.', '@']).next().unwrap_or_default();
        Lang::from_code(language)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The value of a message's argument.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// A text inserted as it is: an id, a name, a number already formatted.
    Text(String),
    /// A count, on which a plural form may select (`1 warning`, `2 warnings`).
    Count(u64),
    /// Another message, rendered in the same language.
    Message(Box<Message>),
    /// Messages rendered in the same language and listed: `a, b, c`, or, for alternatives,
    /// `a, b or c` (`a, b o c`).
    List(Vec<Message>, ListKind),
}

/// How a list of messages is joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKind {
    /// Every item, separated by commas.
    All,
    /// One of the items: the last joined with the language's "or".
    Alternatives,
}

/// A message of the catalogue with its arguments: rendered in a language when shown.
///
/// `Display` renders it in English, the language of logs and of the library's own tests.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// The message `id`, without arguments yet.
    pub fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }

    /// The message `id`, with room for `args` arguments: [`crate::msg!`] makes its messages so,
    /// each holding the room its arguments take (a vector grown by a push has room for four,
    /// and a big plan's findings are tens of thousands of messages).
    pub fn with_room(id: &'static str, args: usize) -> Self {
        Self { id, args: Vec::with_capacity(args) }
    }

    /// Adds a text argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Adds a count argument, on which plural forms select.
    #[must_use]
    pub fn count(mut self, name: &'static str, value: usize) -> Self {
        self.args.push((name, Arg::Count(u64::try_from(value).unwrap_or(u64::MAX))));
        self
    }

    /// Adds another message as an argument, rendered in the same language.
    #[must_use]
    pub fn message(mut self, name: &'static str, value: Message) -> Self {
        self.args.push((name, Arg::Message(Box::new(value))));
        self
    }

    /// Adds a list of messages as an argument: `a, b, c`.
    #[must_use]
    pub fn list(mut self, name: &'static str, items: Vec<Message>) -> Self {
        self.args.push((name, Arg::List(items, ListKind::All)));
        self
    }

    /// Adds alternatives as an argument: `a, b or c` in English, `a, b o c` in Italian.
    #[must_use]
    pub fn alternatives(mut self, name: &'static str, items: Vec<Message>) -> Self {
        self.args.push((name, Arg::List(items, ListKind::Alternatives)));
        self
    }

    /// The message's id in the catalogue.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The arguments, in the order given.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Count(count) => FluentValue::from(*count),
                Arg::Message(message) => FluentValue::from(message.render(lang)),
                Arg::List(items, kind) => FluentValue::from(render_list(lang, items, *kind)),
            };
            args.set(*name, value);
        }
        format(lang, self.id, Some(&args))
    }
}

/// The items of a list in `lang`, joined as `kind` says.
fn render_list(lang: Lang, items: &[Message], kind: ListKind) -> String {
    let mut rendered: Vec<String> = items.iter().map(|item| item.render(lang)).collect();
    match (kind, rendered.pop()) {
        (_, None) => String::new(),
        (ListKind::Alternatives, Some(last)) if !rendered.is_empty() => {
            let mut args = FluentArgs::with_capacity(2);
            args.set("first", FluentValue::from(rendered.join(", ")));
            args.set("last", FluentValue::from(last));
            format(lang, "list-alternatives", Some(&args))
        }
        (_, Some(last)) => {
            rendered.push(last);
            rendered.join(", ")
        }
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A message of the catalogue: `msg!("id", name = value, ...)`. Every value is inserted as text
/// (its `Display`); use [`Message::count`] for a count a plural form selects on.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::with_room($id, <[&str]>::len(&[$(stringify!($name)),*]))$(.arg(stringify!($name), $value))*
    };
}

/// `Display` in English and `std::error::Error` for error types that explain themselves with a
/// `message(&self) -> Message`: English is the language of logs and of the library's tests, the
/// interface renders the message in its own.
#[macro_export]
macro_rules! display_in_english {
    ($($error:ty),+ $(,)?) => {
        $(
            impl ::std::fmt::Display for $error {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    ::std::fmt::Display::fmt(&self.message(), f)
                }
            }

            impl ::std::error::Error for $error {}
        )+
    };
}

/// A message without arguments in `lang`: a label, a column header, a status word.
pub fn text(lang: Lang, id: &'static str) -> String {
    format(lang, id, None)
}

/// The message `id` without arguments in `lang`, when the catalogue has it: for ids made from
/// data (the command line's help, keyed by command and argument), which their own test checks.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    bundle(lang).has_message(id).then(|| format(lang, id, None))
}

/// `1.234.567,89` in Italian, `1,234,567.89` in English: the exact digits of `value`, grouped
/// by thousands, with the language's decimal separator. Rounding is the caller's.
pub fn format_decimal(lang: Lang, value: Decimal) -> String {
    let plain = crate::number::decimal_text(value);
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", plain.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').map_or((digits, None), |(w, f)| (w, Some(f)));
    let (group, decimal) = match lang {
        Lang::It => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(plain.len() + whole.len() / 3 + 1);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// The catalogue of one language: its files, in the order they are loaded.
macro_rules! catalogue {
    ($lang:literal: $($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!($lang, "/", $file)))),*]
    };
}

/// Every file of each language (the same names in both: a test checks they hold the same ids).
const FILES: [&[(&str, &str)]; 2] = [
    catalogue!(
        "it": "common.ftl", "values.ftl", "diagnostics.ftl", "cli.ftl", "help.ftl", "status.ftl", "units.ftl",
        "score.ftl", "export.ftl", "history.ftl", "report.ftl", "tree.ftl", "template.ftl", "diff.ftl"
    ),
    catalogue!(
        "en": "common.ftl", "values.ftl", "diagnostics.ftl", "cli.ftl", "help.ftl", "status.ftl", "units.ftl",
        "score.ftl", "export.ftl", "history.ftl", "report.ftl", "tree.ftl", "template.ftl", "diff.ftl"
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    // Each language is built when first used: a run that speaks one never parses the other's
    // catalogue (a third of a millisecond each, at every start).
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Bundle {
    let locale = lang.code().parse().expect("`it` and `en` are language identifiers");
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // No invisible isolation marks around arguments: the output is plain text and CSV.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::It => format_number_it,
        Lang::En => format_number_en,
    }));
    for (file, source) in FILES[lang as usize] {
        // The catalogue is part of the program: a syntax error or a duplicate id is a bug that
        // the catalogue's tests catch before release.
        let resource = FluentResource::try_new((*source).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{lang}/{file} is not valid Fluent: {errors:?}"));
        bundle.add_resource(resource).unwrap_or_else(|errors| panic!("{lang}/{file}: {errors:?}"));
    }
    bundle
}

fn format_number_it<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    format_count(Lang::It, value)
}

fn format_number_en<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    format_count(Lang::En, value)
}

/// Counts shown with the language's thousands separator (`12.345` avvisi, `12,345` warnings).
fn format_count(lang: Lang, value: &FluentValue<'_>) -> Option<String> {
    match value {
        FluentValue::Number(number) => {
            Decimal::try_from(number.value).ok().map(|d| format_decimal(lang, d.normalize()))
        }
        _ => None,
    }
}

/// Formats message `id` in `lang`. A message missing from the catalogue shows its id (a test
/// checks that every id the code uses exists in both languages).
fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// The ids of every message of `lang`'s catalogue, with the names of the arguments each uses,
/// for the catalogue's tests.
pub fn catalogue_ids(lang: Lang) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    let mut ids = Vec::new();
    for (_, source) in FILES[lang as usize] {
        let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(resource, _)| resource);
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut variables = Vec::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                variables.sort();
                variables.dedup();
                ids.push((message.id.name.to_owned(), variables));
            }
        }
    }
    ids
}

fn pattern_variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(expression: &InlineExpression<&str>, out: &mut Vec<String>) {
        match expression {
            InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            InlineExpression::Placeable { expression } => walk(expression, out),
            _ => {}
        }
    }
    fn walk(expression: &Expression<&str>, out: &mut Vec<String>) {
        match expression {
            Expression::Inline(expression) => inline(expression, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for variant in variants {
                    pattern_variables(&variant.value, out);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk(expression, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    /// A message of `msg!` holds the room its arguments take, no more.
    #[test]
    fn messages_hold_the_room_of_their_arguments() {
        assert_eq!(msg!("unexplained-deviation", id = "S1", year = 2019, status = "partial").args.capacity(), 3);
        assert_eq!(msg!("duplicate-id-help").args.capacity(), 0);
    }

    #[test]
    fn languages_are_read_from_codes_and_locales() {
        assert_eq!(Lang::from_code("IT"), Some(Lang::It));
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_locale("it_IT.UTF-8"), Some(Lang::It));
        assert_eq!(Lang::from_locale("it_CH@euro"), Some(Lang::It));
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        assert_eq!(Lang::from_locale("POSIX"), None);
        assert_eq!(Lang::from_locale(""), None);
    }

    #[test]
    fn decimals_are_grouped_the_way_of_each_language() {
        assert_eq!(format_decimal(Lang::It, dec!(1234567.89)), "1.234.567,89");
        assert_eq!(format_decimal(Lang::En, dec!(1234567.89)), "1,234,567.89");
        assert_eq!(format_decimal(Lang::It, dec!(-1234)), "-1.234");
        assert_eq!(format_decimal(Lang::It, dec!(123)), "123");
        assert_eq!(format_decimal(Lang::It, dec!(0.5)), "0,5");
        assert_eq!(format_decimal(Lang::It, dec!(98.50)), "98,50");
        assert_eq!(format_decimal(Lang::It, dec!(100000)), "100.000");
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_arguments() {
        let italian = catalogue_ids(Lang::It);
        let english = catalogue_ids(Lang::En);
        let ids = |list: &[(String, Vec<String>)]| list.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
        let (it_ids, en_ids) = (ids(&italian), ids(&english));
        let only_it: Vec<_> = it_ids.iter().filter(|id| !en_ids.contains(id)).collect();
        let only_en: Vec<_> = en_ids.iter().filter(|id| !it_ids.contains(id)).collect();
        assert!(only_it.is_empty() && only_en.is_empty(), "only in it: {only_it:?}; only in en: {only_en:?}");
        for (id, variables) in &italian {
            let english = &english.iter().find(|(other, _)| other == id).expect("checked above").1;
            assert_eq!(variables, english, "`{id}` uses different arguments in it and en");
        }
        let mut sorted = it_ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), it_ids.len(), "an id is defined twice");
    }

    #[test]
    fn messages_render_with_arguments_plurals_and_nested_messages() {
        let count = |n| Message::new("summary-warnings").count("count", n);
        assert_eq!(count(1).render(Lang::It), "1 avviso");
        assert_eq!(count(2).render(Lang::It), "2 avvisi");
        assert_eq!(count(12345).render(Lang::It), "12.345 avvisi");
        assert_eq!(count(1).render(Lang::En), "1 warning");
        assert_eq!(count(12345).to_string(), "12,345 warnings");
        let missing = Message::new("no-such-message");
        assert_eq!(missing.render(Lang::It), "no-such-message");
    }
}
