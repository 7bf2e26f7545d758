//! Whole numbers written for the language: 1,234,567 in English, 12,34,567 (lakh and crore) in
//! Hindi; in messages (as Fluent's formatter) and on their own ([`number`]).

use fluent_bundle::FluentValue;
use fluent_bundle::types::FluentNumberOptions;

use super::Language;

/// `n` written for the desk's language, grouped ("1,234" / "1,234"; "12,34,567" in Hindi).
pub fn number(n: i64) -> String {
    group_digits(n, super::current())
}

/// `n` written for `language`, grouped.
pub fn group_digits(n: i64, language: Language) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut groups: Vec<&str> = Vec::new();
    let mut end = digits.len();
    // The last three digits form a group in both languages; English keeps threes after them,
    // Hindi twos.
    let step = match language {
        Language::English => 3,
        Language::Hindi => 2,
    };
    let first = end.saturating_sub(3);
    groups.push(&digits[first..end]);
    end = first;
    while end > 0 {
        let start = end.saturating_sub(step);
        groups.push(&digits[start..end]);
        end = start;
    }
    groups.reverse();
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", groups.join(","))
}

/// A whole number in a message, grouped for `language`; anything else as Fluent writes it.
fn whole(value: &FluentValue, language: Language) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let plain = FluentNumberOptions::default();
    let whole = number.value.fract() == 0.0 && number.value.abs() < 1e15;
    (whole
        && number.options.use_grouping
        && number.options.minimum_fraction_digits == plain.minimum_fraction_digits
        && number.options.minimum_integer_digits == plain.minimum_integer_digits)
        // The check above keeps the value within i64 (|v| < 10^15).
        .then(|| group_digits(number.value as i64, language))
}

/// Fluent's formatter for the English bundle.
pub(super) fn format_english<M>(value: &FluentValue, _: &M) -> Option<String> {
    whole(value, Language::English)
}

/// Fluent's formatter for the Hindi bundle.
pub(super) fn format_hindi<M>(value: &FluentValue, _: &M) -> Option<String> {
    whole(value, Language::Hindi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_group_in_threes_in_english_and_lakhs_in_hindi() {
        for (n, english, hindi) in [
            (0, "0", "0"),
            (7, "7", "7"),
            (999, "999", "999"),
            (1_000, "1,000", "1,000"),
            (12_345, "12,345", "12,345"),
            (123_456, "123,456", "1,23,456"),
            (1_234_567, "1,234,567", "12,34,567"),
            (-98_765_432, "-98,765,432", "-9,87,65,432"),
            (
                i64::MIN,
                "-9,223,372,036,854,775,808",
                "-92,23,37,20,36,85,47,75,808",
            ),
            (
                i64::MAX,
                "9,223,372,036,854,775,807",
                "92,23,37,20,36,85,47,75,807",
            ),
        ] {
            assert_eq!(group_digits(n, Language::English), english);
            assert_eq!(group_digits(n, Language::Hindi), hindi);
        }
    }
}
