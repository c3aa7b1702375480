# Inscribir a personas desde un archivo CSV: qué falla en el archivo, y los
# nombres de los campos del formulario que asigna sus columnas.

## El archivo completo
error-csv-encoding = El archivo no es texto (¿un libro de cálculo o un PDF?). En su hoja de cálculo, guárdelo como «CSV UTF-8» y vuelva a subirlo.
error-csv-empty = El archivo no contiene a ninguna persona: necesita una línea de encabezado y, después, una línea por persona.
error-csv-row-length = La línea { $line } tiene { $found ->
    [one] una celda
   *[other] { $found } celdas
}, pero la línea de encabezado tiene { $expected }. Compruebe si en esa línea sobra o falta un separador.
error-csv-header = La columna { $column } de la línea de encabezado no tiene nombre o tiene el mismo nombre que otra columna. Dé a cada columna un nombre distinto.
error-csv-too-many-rows = El archivo tiene más de { $max } personas. Divídalo en varios archivos.
error-csv-too-many-columns = El archivo tiene más de { $max } columnas. Conserve solo las columnas de la lista.
error-csv-malformed = El archivo no se puede leer a partir de la línea { $line }. Busque unas comillas que abren una celda y no se cierran nunca.
error-import-unmapped = Elija la columna que contiene «{ $field }».

## Una línea del archivo
error-import-region = No existe la región «{ $value }». Escriba el nombre o el código de una región que Aula conozca, o deje la celda vacía.
error-import-duplicate = La misma dirección de correo electrónico ya figura en la línea { $line }.

## Los campos de las columnas
import-field-given-name = Nombre
import-field-family-name = Apellidos
import-field-email = Correo electrónico
import-field-phone = Teléfono
import-field-employer = Centro de trabajo
import-field-job-title = Puesto
import-field-audience = Perfil
import-field-region = Región
import-field-language = Idioma
import-field-identifier = Identificador para la entidad acreditadora
error-import-duplicate-person = La línea { $line } ya tiene una persona con estos nombres, sin correo y con el mismo teléfono: si son dos personas, añada un teléfono o un correo para distinguirlas.
