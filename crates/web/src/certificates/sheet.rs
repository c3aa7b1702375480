//! The printed certificate's view: an issued certificate's row turned into
//! the texts `aula_documents::certificate` draws, in the holder's language.

use aula_documents::certificate::CertificateSheet;
use aula_mail::Arg;
use aula_storage::entities::certificate;
use chrono::NaiveDate;

/// The sheet of an issued certificate, in its holder's language, with the
/// verification link under `base_url`.
pub fn of(c: &certificate::Model, base_url: &str) -> CertificateSheet {
    let lang = c.language;
    let tr = aula_mail::Tr::new(lang);
    let day = |d: NaiveDate| tr.plain_date(d);
    let mut lines = vec![
        super::hours_line(&tr, c),
        format!(
            "{} · {}",
            if c.starts_on == c.ends_on {
                day(c.starts_on)
            } else {
                format!("{} – {}", day(c.starts_on), day(c.ends_on))
            },
            match &c.place {
                Some(place) => format!(
                    "{}, {place}",
                    tr.t(&format!("modality-{}", c.modality.as_str().replace('_', "-")))
                ),
                None => tr.t(&format!("modality-{}", c.modality.as_str().replace('_', "-"))),
            }
        ),
    ];
    if let Some(body) = &c.body_name {
        let credits = c
            .credits_hundredths
            .map(|h| {
                tr.args(
                    "certificate-credits",
                    &[(
                        "credits",
                        Arg::Decimal {
                            value: i64::from(h),
                            places: 2,
                        },
                    )],
                )
            })
            .or_else(|| {
                c.recognised_minutes
                    .map(|m| tr.t1("certificate-recognised", "hours", Arg::hours(i64::from(m))))
            })
            .unwrap_or_default();
        lines.push(tr.args(
            "certificate-accredited",
            &[("body", Arg::from(body)), ("credits", Arg::Text(credits))],
        ));
    }
    CertificateSheet {
        language: c.language.as_str().to_owned(),
        title: tr.t("certificate-title"),
        holder: c.holder_name.clone(),
        statement: tr.t("certificate-statement"),
        course: c.course_title.clone(),
        lines,
        issuer: c.issuer_name.clone(),
        issued_line: tr.t1("certificate-issued-on", "date", day(c.issued_at.date_naive())),
        number: c.number.clone(),
        verify_label: tr.t("certificate-verify-at"),
        verify_url: format!("{base_url}/verify/{}", c.verification_code),
        code_label: tr.t("certificate-code"),
        code: c.verification_code.clone(),
        issued_at: c.issued_at,
        ..CertificateSheet::default()
    }
}
