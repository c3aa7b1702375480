//! The printed certificate's view: an issued certificate's row turned into
//! the texts `aula_documents::certificate` draws, in the holder's language,
//! with the pictures it kept at issue (issue 19).

use aula_documents::certificate::{Accreditor, CertificateSheet, Signatory};
use aula_documents::image::Image;
use aula_mail::Arg;
use aula_storage::ConnectionTrait;
use aula_storage::entities::certificate;
use chrono::NaiveDate;

/// The pictures a certificate kept at issue, checked and ready to draw.
#[derive(Clone, Debug, Default)]
pub struct Pictures {
    pub logo: Option<Image>,
    pub signature: Option<Image>,
    pub accreditor: Option<Image>,
    /// Its programme's funders' logos (issue 20), with their names.
    pub funders: Vec<(Image, String)>,
}

/// A kept picture by its hash: checked once per process (the hash names
/// the bytes for ever, so the check's outcome never changes), read from
/// the database only the first time.
async fn picture(conn: &impl ConnectionTrait, sha256: Option<&str>) -> aula_storage::Result<Option<Image>> {
    let Some(sha256) = sha256 else {
        return Ok(None);
    };
    if let Some(kept) = aula_documents::image::cached(sha256) {
        return Ok(kept);
    }
    Ok(match aula_storage::issuer::image(conn, sha256).await? {
        Some(row) => aula_documents::image::check_and_keep(sha256, &row.data, &row.content_type),
        None => None,
    })
}

/// The pictures `c` kept at issue (none for certificates issued before).
pub async fn pictures(conn: &impl ConnectionTrait, c: &certificate::Model) -> aula_storage::Result<Pictures> {
    let mut funders = Vec::new();
    for logo in aula_storage::issuer::FunderLogo::list(c.funder_logos.as_deref()) {
        if let Some(image) = picture(conn, Some(&logo.sha256)).await? {
            funders.push((image, logo.name));
        }
    }
    Ok(Pictures {
        logo: picture(conn, c.issuer_logo_sha256.as_deref()).await?,
        signature: picture(conn, c.signature_sha256.as_deref()).await?,
        accreditor: picture(conn, c.accreditor_logo_sha256.as_deref()).await?,
        funders,
    })
}

/// The sheet of an issued certificate as it now stands: the pictures it
/// kept, and, revoked, the day it was (at the session's place).
pub async fn drawn(
    conn: &impl ConnectionTrait,
    c: &certificate::Model,
    base_url: &str,
) -> aula_storage::Result<CertificateSheet> {
    let pictures = pictures(conn, c).await?;
    let revoked_on = aula_storage::certificates::revoked_on(conn, c).await?;
    Ok(of(c, base_url, &pictures, revoked_on))
}

/// The sheet of an issued certificate, in its holder's language, with the
/// verification link under `base_url`, the pictures it kept, and the day it
/// was revoked, if it was.
pub fn of(
    c: &certificate::Model,
    base_url: &str,
    pictures: &Pictures,
    revoked_on: Option<NaiveDate>,
) -> CertificateSheet {
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
        issued_line: tr.t1("certificate-issued-on", "date", day(c.issued_on)),
        revoked: revoked_on
            .map(|on| tr.t1("certificate-revoked-mark", "date", day(on)))
            .unwrap_or_default(),
        funded_by: c
            .funders
            .as_ref()
            .map(|names| tr.t1("certificate-funded-by", "funders", names.as_str()))
            .unwrap_or_default(),
        funder_logos: pictures.funders.clone(),
        number: c.number.clone(),
        verify_label: tr.t("certificate-verify-at"),
        verify_url: format!("{base_url}/verify/{}", c.verification_code),
        code_label: tr.t("certificate-code"),
        code: c.verification_code.clone(),
        issued_at: c.issued_at,
        issuer_address: c.issuer_address.clone().unwrap_or_default(),
        issuer_website: c.issuer_website.clone().unwrap_or_default(),
        issuer_logo: pictures.logo.clone(),
        signatories: c
            .signatory_name
            .iter()
            .map(|name| Signatory {
                name: name.clone(),
                title: c.signatory_title.clone().unwrap_or_default(),
                signature: pictures.signature.clone(),
            })
            .collect(),
        accreditor: c.body_name.as_ref().map(|name| Accreditor {
            name: name.clone(),
            logo: pictures.accreditor.clone(),
        }),
        outcomes_label: tr.t("certificate-outcomes"),
        outcomes: c
            .outcomes
            .as_deref()
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect(),
    }
}
