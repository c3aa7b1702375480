# Certificados: lo que dicen, la verificación y la lista del equipo organizador y de las entidades acreditadoras.
certificate-title = Certificado de aprovechamiento
certificate-statement = ha completado la formación
certificate-hours = { $attended } h asistidas de las { $planned } h de la sesión
certificate-accredited = Acreditada por { $body }{ $credits }
certificate-credits = : { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
}
certificate-recognised = : { $hours ->
    [one] { $hours } hora reconocida
   *[other] { $hours } horas reconocidas
}
certificate-issued-on = Expedido el { $date }
certificate-revoked-mark = Revocado el { $date }: este certificado ya no es válido.
certificate-verify-at = Verifíquelo en
certificate-code = Código de verificación
certificate-eligible = Tiene derecho a certificado
certificate-revoked = El certificado está revocado.
error-certificate-session-not-completed = Los certificados se expiden cuando la sesión se marca como completada.
error-certificate-not-completed = Esta inscripción no alcanzó la asistencia exigida.
error-certificate-cancelled = Esta inscripción está cancelada.
error-certificate-survey = La formación exige responder antes a la encuesta de satisfacción.
error-already-revoked = Este certificado ya está revocado.
verify-title = Verificar un certificado
verify-valid = Este certificado es auténtico y válido.
verify-revoked = Este certificado ha sido revocado.
verify-revoked-on = Revocado el { $date }.
verify-unknown = Ningún certificado tiene el código { $code }. Compruebe el código tal como aparece en el certificado.
verify-code = Código de verificación
verify-code-hint = Tal como aparece en el certificado, por ejemplo 7K3M-Q9TR-… (mayúsculas, guiones y espacios dan igual).
verify-submit = Verificar
verify-number = Número
verify-holder = Titular
verify-course = Formación
verify-hours = Horas asistidas
verify-dates = Fechas
verify-issued = Expedido el
verify-issuer = Expedido por
verify-accreditation = Acreditación
certificates-title = Certificados
certificates-count = { $count ->
    [one] { $count } certificado
   *[other] { $count } certificados
}
certificates-export = Descargar todos (ZIP de PDF con un registro)
certificates-status = Estado
certificates-valid = Válido
certificates-revoked = Revocado
certificates-withdrawn = Retirado (titular borrado)
certificates-none = Ningún certificado aquí.
certificates-files = Archivos
certificates-credential = Credencial firmada
certificates-pdf-of = PDF del certificado { $number }
certificates-credential-of = Credencial firmada del certificado { $number }
certificates-revoke = Revocar
certificates-reason-for = Motivo de la revocación de { $number }
certificates-issued = Los certificados se han expedido y se ha avisado por correo a sus titulares.
certificates-none-new = Ningún certificado nuevo: todas las personas con derecho ya tienen el suyo.
certificate-revoked-flash = El certificado está revocado.
certificates-issue = Expedir los certificados
nav-certificates = Certificados
me-certificates = Mis certificados
session-issue-on-completion = Expedir los certificados al marcar la sesión como completada
session-issue-on-completion-hint = Solo a las personas cuya asistencia (y respuesta a la encuesta, si la formación la exige) les da derecho.
certificates-from = Expedidos desde
certificates-to = Expedidos hasta
certificates-issue-title = Expedir los certificados
certificates-issue-rule = Un certificado requiere haber asistido al { $percent } % de las horas de la sesión.
certificates-issue-survey-rule = Este curso pide además haber respondido la encuesta de satisfacción.
certificates-issue-provisional = Las cifras de abajo son la asistencia registrada hasta ahora.
certificates-issue-undrawable = El certificado no puede dibujar algunos caracteres de estos nombres, que se imprimirían como recuadros vacíos: { $names }. Pregunte a cada persona cómo se escribe su nombre en letras latinas o árabes; puede corregirlo en «Mis formaciones» antes de la emisión.
certificates-issue-summary = { $qualifying } de { $count } participantes tienen derecho.
certificates-issue-attended = Horas asistidas
certificates-issue-required = Horas necesarias
certificates-issue-survey = Encuesta
certificates-issue-answered = Respondida
certificates-issue-not-answered = Sin responder
certificates-issue-outcome = Certificado
certificates-issue-qualifies = Tiene derecho
certificates-issue-already = Ya expedido: { $number }
certificates-issue-confirm = { $count ->
    [one] Expedir 1 certificado y enviarlo por correo
   *[other] Expedir { $count } certificados y enviarlos por correo
}
certificates-issue-back = Volver a la sesión
certificates-issue-link = Certificados: quién tiene derecho
# The signed credential (issue 19): its texts, in the holder's language.
credential-description = Certificado { $number } de «{ $course }», expedido a { $holder }. Verifíquelo en { $url }
credential-criteria = Haber asistido a la sesión de la formación «{ $course }» ({ $planned } h previstas), con la asistencia registrada en cada encuentro.
credential-accredited = Acreditada por { $body }.
credential-hours-attended = Horas asistidas
credential-hours-recognised = Horas reconocidas
credential-hours-recognised-by = Horas reconocidas por { $body }
certificates-credential-file = Credencial para una cartera digital (.json)
# What a credential links to: the achievement and the issuer.
achievement-kind = Logro acreditado
achievement-criteria = Criterios
achievement-planned = Horas previstas por la sesión
achievement-modality = Modalidad
achievement-machines = Los programas pueden leer esta página como JSON-LD (pidiendo application/ld+json).
issuer-kind = Emisor de certificados
issuer-intro = Los certificados expedidos aquí se firman con la clave siguiente. Carteras y verificadores la encuentran en el documento DID del emisor.
issuer-did = Identificador descentralizado (DID)
issuer-key = Clave de firma
issuer-document = Documento DID
# The verification page's verdicts (issue 19).
verify-state-valid = Certificado válido
verify-state-revoked = Certificado revocado
verify-state-withdrawn = Certificado retirado
verify-state-unknown = Certificado desconocido
verify-revoked-meaning = Ya no acredita la formación.
verify-states = Lo que dice el certificado
verify-stated = Lo que decía el certificado
verify-pdf-note = El certificado en PDF debe decir lo mismo: titular, formación, horas, fechas y número. Si algo difiere, el PDF ha sido alterado.
certificate-funded-by = Financiado por: { $funders }
certificates-session = Edición
certificates-all-sessions = Los certificados de todas las ediciones
certificate-withdrawn-files = Este certificado se retiró a petición de su titular: ya no nombra a nadie, así que no tiene ni PDF ni credencial firmada.
