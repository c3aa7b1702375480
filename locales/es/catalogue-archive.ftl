## Archivar y eliminar programas y cursos (issue 20)
archived = Archivado
archived-since = Archivado el { $date }: oculto en el catálogo, las listas y las opciones de los formularios; se conservan sus cifras, exportaciones y certificados.
archived-show = Mostrar también los archivados
archived-hide = Ocultar los archivados
catalogue-delete-submit = Sí, eliminar definitivamente
catalogue-delete-keep = No, conservarlo

programme-archive-heading = Archivar o eliminar
programme-archive-explain = Archivar oculta el programa y sus cursos en el catálogo, las listas y las opciones de los formularios. Sus indicadores, exportaciones y certificados se mantienen, y puede restaurarlo en cualquier momento. Un programa cuyos cursos aún tienen sesiones abiertas a inscripción o por celebrarse no se puede archivar: finalícelas o cancélelas antes.
programme-archive = Archivar el programa
programme-restore-explain = Restaurar recupera el programa y los cursos archivados con él.
programme-restore = Restaurar el programa
programme-delete-rule = Un programa solo se puede eliminar mientras no tenga ningún curso.
programme-delete = Eliminar el programa
programme-delete-title = ¿Eliminar este programa?
programme-delete-explain = El programa se eliminará definitivamente. No tiene ningún curso, así que ninguna cifra depende de él.
programme-archived-flash = El programa y sus cursos están archivados.
programme-restored-flash = El programa se ha restaurado.
programme-deleted-flash = El programa se ha eliminado.

course-archive-heading = Archivar o eliminar
course-archive-explain = Archivar oculta el curso en el catálogo, las listas y las opciones de los formularios. Sus sesiones, indicadores, exportaciones y certificados se mantienen, y puede restaurarlo en cualquier momento. Un curso con sesiones aún abiertas a inscripción o por celebrarse no se puede archivar: finalícelas o cancélelas antes.
course-archive = Archivar el curso
course-restore-explain = Restaurar devuelve el curso al catálogo y a las listas.
course-restore = Restaurar el curso
course-delete-rule = Un curso solo se puede eliminar mientras no tenga ninguna sesión.
course-delete = Eliminar el curso
course-delete-title = ¿Eliminar este curso?
course-delete-explain = El curso se eliminará definitivamente, con sus públicos y su firmante. No tiene ninguna sesión, así que ninguna cifra depende de él.
course-archived-flash = El curso está archivado.
course-restored-flash = El curso se ha restaurado.
course-deleted-flash = El curso se ha eliminado.

error-programme-sessions-to-come = { $count ->
    [one] Una sesión de los cursos de este programa sigue abierta a inscripción o por celebrarse: finalícela o cancélela antes de archivar el programa.
   *[other] { $count } sesiones de los cursos de este programa siguen abiertas a inscripción o por celebrarse: finalícelas o cancélelas antes de archivar el programa.
}
error-course-sessions-to-come = { $count ->
    [one] Una sesión de este curso sigue abierta a inscripción o por celebrarse: finalícela o cancélela antes de archivar el curso.
   *[other] { $count } sesiones de este curso siguen abiertas a inscripción o por celebrarse: finalícelas o cancélelas antes de archivar el curso.
}
error-programme-has-courses = { $count ->
    [one] Este programa tiene un curso, así que no se puede eliminar: archívelo, lo que conserva sus cifras.
   *[other] Este programa tiene { $count } cursos, así que no se puede eliminar: archívelo, lo que conserva sus cifras.
}
error-programme-has-outreach = { $count ->
    [one] Este programa tiene una acción de difusión, así que no se puede eliminar: archívelo, lo que conserva sus cifras.
   *[other] Este programa tiene { $count } acciones de difusión, así que no se puede eliminar: archívelo, lo que conserva sus cifras.
}
error-course-has-sessions = { $count ->
    [one] Este curso tiene una sesión, así que no se puede eliminar: archívelo, lo que conserva sus cifras.
   *[other] Este curso tiene { $count } sesiones, así que no se puede eliminar: archívelo, lo que conserva sus cifras.
}
error-course-programme-archived = El programa de este curso está archivado: restaure el programa, lo que recupera sus cursos.
error-programme-archived = Este programa está archivado: no admite cursos nuevos.
error-programme-archived-outreach = Este programa está archivado: no admite nuevas acciones de difusión.
error-course-archived = Este curso está archivado: no admite sesiones nuevas ni abre ninguna sesión a inscripción.
