# Los datos personales a lo largo de su vida (issue 21): supresión.
erase-title = Suprimir los datos de una persona
erase-link = Suprimir sus datos
erase-link-label = Suprimir los datos de { $name }
erase-who = Persona: { $name }
erase-what = Se suprimen su nombre, dirección de correo, teléfono, empleador y puesto, junto con los mensajes que se le enviaron, los detalles de auditoría e importaciones que la nombran y sus enlaces de acceso. No se puede deshacer.
erase-kept = Se conservan los datos anónimos que cuentan los indicadores (inscripciones, minutos de asistencia, finalización, región, público, centro de trabajo como clave), de modo que todas las cifras siguen iguales. Sus certificados se conservan salvo que haya pedido también retirarlos.
erase-reason = Motivo
erase-reason-hint = Se guarda en el registro de auditoría. No nombre a la persona.
erase-certificates = Retirar también sus certificados
erase-certificates-hint = Solo si la persona titular lo ha pedido: la verificación dirá «retirado a petición de su titular».
erase-submit = Suprimir a esta persona
person-erased-flash = Los datos de la persona se han suprimido.
me-erasure-link = Suprimir mis datos
me-erasure-title = Suprimir mis datos
me-erasure-what = Suprimiremos su nombre, dirección de correo, teléfono, empleador y puesto, los mensajes que le enviamos y los detalles de sus inscripciones. Ya no podrá acceder a sus formaciones. No se puede deshacer.
me-erasure-places = Sus plazas en las formaciones por venir se anulan y se ofrecen a las personas en espera, y nadie volverá a escribirle sobre ellas: quítelas de su calendario.
me-erasure-kept = Las cifras anónimas (cuántas personas participaron y durante cuánto tiempo) se conservan sin su nombre. Sus certificados siguen siendo válidos salvo que pida retirarlos también. Puede descargar antes una copia de sus datos.
me-erasure-certificates = Retirar también mis certificados
me-erasure-certificates-hint = Universidades y empleadores ya no podrán verificarlos.
me-erasure-ask = Enviarme el enlace de confirmación
me-erasure-sent = Hemos enviado un enlace a { $email }. Sus datos solo se suprimirán cuando lo siga y lo confirme.
me-erasure-confirm-lead = Confirme que quiere que se supriman sus datos personales. No se puede deshacer.
me-erasure-confirm = Suprimir mis datos ahora
me-erasure-done = Sus datos personales se han suprimido. Gracias por haberse formado con nosotros.
me-erasure-expired = Este enlace ya se ha usado o ha caducado. Acceda a sus formaciones para pedirlo de nuevo.
verify-withdrawn = Este certificado se retiró, a petición de su titular o al término del plazo de conservación de los certificados.

## Plazos de conservación y registro de actividades de tratamiento (issue 21)
retention-period = { $years ->
    [0] { $days ->
        [one] { $days } día
       *[other] { $days } días
    }
    [one] { $years } año
   *[other] { $years } años
}
retention-bounds = De { $min } a { $max } días.
retention-title = Plazos de conservación
retention-lead = Cuánto tiempo se conserva cada categoría de datos personales, en días. Cada noche, la tarea de caducidad borra lo que ha superado su plazo; el aviso de privacidad del formulario de inscripción indica los mismos plazos.
retention-pending-registrations = Inscripciones nunca confirmadas
retention-inactive-people = Personas sin actividad
retention-sent-mail-bodies = Textos de los correos, enviados o que ya no se enviarán
retention-sign-in-records = Registros de acceso
retention-audit-entries = Entradas del registro de auditoría
retention-certificates = Certificados
retention-walk-ins = Personas llegadas a las acciones de difusión
retention-hint-pending-registrations = Desde la solicitud: se borra la inscripción, con la persona que creó si no tiene otra.
retention-hint-inactive-people = Desde el final de su última sesión: se borran los datos de la persona; las cifras anónimas se mantienen.
retention-hint-sent-mail-bodies = Desde el envío: se vacía el texto; queda constancia de que el mensaje se envió.
retention-hint-sign-in-records = Desde su caducidad: se borran los enlaces de acceso y las sesiones abiertas.
retention-hint-audit-entries = Desde la entrada: se borra la entrada.
retention-hint-certificates = Desde la emisión: el certificado se retira y deja de nombrar a su titular.
retention-hint-walk-ins = Desde que se anotó el nombre: se borran el nombre y el correo; el número de asistentes de la acción se mantiene.
records-title = Datos personales conservados
records-lead = El registro de actividades de tratamiento: qué datos de personas guarda Aula, para qué y durante cuánto tiempo.
records-data = Datos
records-why = Finalidad
records-kept = Se conservan
records-due = Fuera de plazo ahora
records-due-count = { $count ->
    [0] ninguno
    [one] { $count } registro
   *[other] { $count } registros
}
records-job = La tarea de caducidad borra en menos de un día, en lotes pequeños, los registros fuera de plazo.
records-change = Cambiar los plazos de conservación
records-identity-what = Nombre, correo electrónico, teléfono, idioma preferido
records-identity-why = Inscribir a las personas, informarles sobre su formación y permitirles acceder a sus formaciones.
records-work-what = Empleador, puesto, colectivo, región
records-work-why = Comprobar a quién se dirige un curso y contar centros de trabajo, colectivos y regiones para las cifras de los financiadores (tras el borrado, solo como hechos anónimos).
records-pending-what = Inscripciones solicitadas y nunca confirmadas
records-pending-why = Guardar la solicitud hasta que la persona confirme su dirección.
records-attendance-what = Asistencia y minutos
records-attendance-why = Finalización, certificados y horas declaradas a los financiadores.
records-attendance-kept = Mientras exista la inscripción; anónimos en cuanto se borran los datos de la persona.
records-surveys-what = Respuestas a las encuestas
records-surveys-why = La calidad de la formación, presentada en resultados anónimos.
records-surveys-kept = Anónimas desde el principio: una respuesta nunca se vincula a una persona.
records-certificates-what = Certificados (nombre y correo del titular) y el identificador que pide una entidad acreditadora
records-certificates-why = Prueba de la formación para titulares, empleadores y entidades acreditadoras.
records-mail-what = Textos de los correos enviados
records-mail-why = Enviar los mensajes y mostrar a la organización lo que se envió.
records-sign-ins-what = Enlaces de acceso y sesiones abiertas
records-sign-ins-why = Permitir que las personas y el equipo accedan con seguridad.
records-audit-what = Registro de auditoría (quién cambió qué)
records-audit-why = Rendir cuentas de los cambios en inscripciones, sesiones y certificados.
records-walk-ins-what = Nombres y correos de las personas llegadas a reuniones informativas y otras acciones de difusión
records-walk-ins-why = Contar quién vino a una acción de difusión y volver a contactarles si lo pidieron.
nav-privacy = Datos personales
privacy-notice-periods = Una inscripción que no confirme se borra al cabo de { $pending }. Sus datos se borran { $inactive } después del final de su última formación; las cifras anónimas se mantienen. Los certificados se conservan { $certificates } desde su emisión.

# Survey answers published in groups (issue 21)
survey-waiting = { $count ->
    [one] Una respuesta aún no figura en los resultados: las respuestas se incorporan en grupos de al menos tres, o al cerrarse la encuesta, para que ninguna pueda identificarse.
   *[other] { $count } respuestas aún no figuran en los resultados: las respuestas se incorporan en grupos de al menos tres, o al cerrarse la encuesta, para que ninguna pueda identificarse.
}
