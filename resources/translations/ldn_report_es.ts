<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>(past its review date: the team must review it)</source>
        <translation>(pasada su fecha de revisión: el equipo debe revisarlo)</translation>
    </message>
    <message>
        <source>LDN counseling report builder %1</source>
        <translation>Generador de informes de asesoramiento sobre LDN %1</translation>
    </message>
    <message>
        <source>Printable counseling reports on low-dose naltrexone for people with MS. No network access; patient data stays on this computer.</source>
        <translation>Informes de asesoramiento imprimibles sobre naltrexona en dosis bajas para personas con EM. Sin acceso a la red; los datos de los pacientes se quedan en este ordenador.</translation>
    </message>
    <message>
        <source>Version %1, produced %2, review by %3</source>
        <translation>Versión %1, elaborado el %2, revisar antes del %3</translation>
    </message>
    <message>
        <source>Source summary: %1</source>
        <translation>Resumen de origen: %1</translation>
    </message>
    <message>
        <source>Evidence pack</source>
        <translation>Paquete de evidencia</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>About the LDN report builder</source>
        <translation>Acerca del generador de informes de LDN</translation>
    </message>
    <message>
        <source>About this app and its evidence</source>
        <translation>Acerca de esta aplicación y su evidencia</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Clinic-day batch</source>
        <translation>Lote del día de consulta</translation>
    </message>
    <message>
        <source>clinic-list.csv (one patient per row)</source>
        <translation>lista-consulta.csv (un paciente por fila)</translation>
    </message>
    <message>
        <source>Clinic list file</source>
        <translation>Archivo de la lista de la consulta</translation>
    </message>
    <message>
        <source>Clinic list: problem</source>
        <translation>Lista de la consulta: problema</translation>
    </message>
    <message>
        <source>folder for the reports</source>
        <translation>carpeta para los informes</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <source>Output folder: problem</source>
        <translation>Carpeta de salida: problema</translation>
    </message>
    <message>
        <source>Used for rows whose &apos;template&apos; cell is empty</source>
        <translation>Se usa en las filas cuya celda &apos;template&apos; está vacía</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Reports built at the same time</source>
        <translation>Informes que se generan a la vez</translation>
    </message>
    <message>
        <source>More is faster on a computer with several processor cores; 1 leaves the computer free for other work</source>
        <translation>Más es más rápido en un ordenador con varios núcleos; 1 deja el ordenador libre para otras tareas</translation>
    </message>
    <message>
        <source>Accessible PDFs (tagged, for screen readers)</source>
        <translation>PDF accesibles (etiquetados, para lectores de pantalla)</translation>
    </message>
    <message>
        <source>Each report as a tagged PDF/UA-1 file, as ldn-report batch --accessible. Not with one PDF for printing: a merged file keeps no tags; build that in a second run without this</source>
        <translation>Cada informe como archivo PDF/UA-1 etiquetado, como ldn-report batch --accessible. No junto con un PDF para imprimir: un archivo unido no conserva las etiquetas; créelo en una segunda ejecución sin esta opción</translation>
    </message>
    <message>
        <source>Also one PDF of all reports, for printing</source>
        <translation>También un PDF con todos los informes, para imprimir</translation>
    </message>
    <message>
        <source>Two-sided printing: each report starts on a new sheet</source>
        <translation>Impresión a doble cara: cada informe empieza en una hoja nueva</translation>
    </message>
    <message>
        <source>Clinic &amp;list:</source>
        <translation>&amp;Lista de la consulta:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>Carpeta de &amp;salida:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>Reports built at the &amp;same time:</source>
        <translation>Informes generados a la &amp;vez:</translation>
    </message>
    <message>
        <source>Choose a clinic list and an output folder.</source>
        <translation>Elija una lista de la consulta y una carpeta de salida.</translation>
    </message>
    <message>
        <source>Rows that could not be built, and rows with an empty MS type or DMT status, are listed here.</source>
        <translation>Aquí se enumeran las filas que no se pudieron generar y las filas con el tipo de EM o el estado del TME vacíos.</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>Filas con problemas</translation>
    </message>
    <message>
        <source>Build reports</source>
        <translation>Generar informes</translation>
    </message>
    <message>
        <source>Cancel batch</source>
        <translation>Cancelar el lote</translation>
    </message>
    <message>
        <source>Open output folder</source>
        <translation>Abrir la carpeta de salida</translation>
    </message>
    <message>
        <source>Clinic list</source>
        <translation>Lista de la consulta</translation>
    </message>
    <message>
        <source>Clinic list (*.csv *.txt);;All files (*)</source>
        <translation>Lista de la consulta (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose a clinic list and an output folder first.</source>
        <translation>Primero elija una lista de la consulta y una carpeta de salida.</translation>
    </message>
    <message>
        <source>Fix the path marked above, then build the reports.</source>
        <translation>Corrija la ruta marcada arriba y luego genere los informes.</translation>
    </message>
    <message>
        <source>Reading the clinic list…</source>
        <translation>Leyendo la lista de la consulta…</translation>
    </message>
    <message>
        <source>Cancelling: finishing the reports already started…</source>
        <translation>Cancelando: terminando los informes ya empezados…</translation>
    </message>
    <message>
        <source>the folder is not there any more</source>
        <translation>la carpeta ya no existe</translation>
    </message>
    <message>
        <source>no program to open folders was found</source>
        <translation>no se encontró ningún programa para abrir carpetas</translation>
    </message>
    <message>
        <source>no program to open folders was found (xdg-open)</source>
        <translation>no se encontró ningún programa para abrir carpetas (xdg-open)</translation>
    </message>
    <message>
        <source>xdg-open ended with code %1</source>
        <translation>xdg-open terminó con el código %1</translation>
    </message>
    <message>
        <source>The reports are in %1.</source>
        <translation>Los informes están en %1.</translation>
    </message>
    <message>
        <source>The output folder could not be opened: %1.</source>
        <translation>No se pudo abrir la carpeta de salida: %1.</translation>
    </message>
    <message>
        <source>Row %1%2: %3</source>
        <translation>Fila %1%2: %3</translation>
    </message>
    <message>
        <source>Row %1, %2: empty (%3 unset); built as “Not recorded” with neutral wording</source>
        <translation>Fila %1, %2: vacía (%3 sin indicar); generada como «No consta» con un texto neutro</translation>
    </message>
    <message>
        <source>%1 of %2 rows done</source>
        <translation>%1 de %2 filas hechas</translation>
    </message>
    <message>
        <source>%1 rows: %2 built, %3 unchanged, %4 failed.</source>
        <translation>%1 filas: %2 generadas, %3 sin cambios, %4 con error.</translation>
    </message>
    <message>
        <source>Cancelled. %1 Run it again to finish the rest.</source>
        <translation>Cancelado. %1 Vuelva a ejecutarlo para terminar el resto.</translation>
    </message>
    <message>
        <source>For printing: %1 (%2 pages).</source>
        <translation>Para imprimir: %1 (%2 páginas).</translation>
    </message>
    <message>
        <source>Unset: %1</source>
        <translation>Sin indicar: %1</translation>
    </message>
    <message>
        <source>Details: manifest.csv in the output folder.</source>
        <translation>Detalles: manifest.csv en la carpeta de salida.</translation>
    </message>
    <message>
        <source>The batch could not run: %1</source>
        <translation>No se pudo ejecutar el lote: %1</translation>
    </message>
</context>
<context>
    <name>BatchThread</name>
    <message>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>One PDF of all reports</source>
        <translation>Un PDF de todos los informes</translation>
    </message>
    <message>
        <source>cannot read or write%1: %2</source>
        <translation>no se puede leer ni escribir%1: %2</translation>
    </message>
    <message>
        <source>the path cannot be used: %1</source>
        <translation>no se puede usar la ruta: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>wrote %1 (%2 pages, content %3)</source>
        <translation>se escribió %1 (%2 páginas, contenido %3)</translation>
    </message>
    <message>
        <source>wrote %1 (tagged PDF/UA-1, %2 pages, content %3)</source>
        <translation>se escribió %1 (PDF/UA-1 etiquetado, %2 páginas, contenido %3)</translation>
    </message>
    <message>
        <source>wrote %1 (HTML, content %2)</source>
        <translation>se escribió %1 (HTML, contenido %2)</translation>
    </message>
    <message>
        <source>wrote chart note %1</source>
        <translation>se escribió la nota para la historia clínica %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>ldn-report: error: %1</source>
        <translation>ldn-report: error: %1</translation>
    </message>
    <message>
        <source>ldn-report: the evidence pack is broken, no report was made: %1</source>
        <translation>ldn-report: el paquete de evidencia está dañado, no se hizo ningún informe: %1</translation>
    </message>
    <message>
        <source>ldn-report: interrupted</source>
        <translation>ldn-report: interrumpido</translation>
    </message>
    <message>
        <source>ldn-report: error: cannot write or read%1: %2</source>
        <translation>ldn-report: error: no se puede escribir ni leer%1: %2</translation>
    </message>
</context>
<context>
    <name>ContextField</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>EM</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Safety screen</source>
        <translation>Revisión de seguridad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional sanitario</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Format version</source>
        <translation>Versión del formato</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Número de historia</translation>
    </message>
    <message>
        <source>De-identified report</source>
        <translation>Informe anonimizado</translation>
    </message>
    <message>
        <source>No name, date of birth or record number anywhere in the report</source>
        <translation>Sin nombre, fecha de nacimiento ni número de historia en ninguna parte del informe</translation>
    </message>
    <message>
        <source>Type of MS</source>
        <translation>Tipo de EM</translation>
    </message>
    <message>
        <source>Disease-modifying therapy (DMT)</source>
        <translation>Tratamiento modificador de la enfermedad (TME)</translation>
    </message>
    <message>
        <source>Current or last DMT</source>
        <translation>TME actual o último</translation>
    </message>
    <message>
        <source>What the patient hopes for</source>
        <translation>Lo que espera el paciente</translation>
    </message>
    <message>
        <source>Takes any opioid</source>
        <translation>Toma algún opioide</translation>
    </message>
    <message>
        <source>Including tramadol, codeine, buprenorphine, methadone</source>
        <translation>Incluidos tramadol, codeína, buprenorfina, metadona</translation>
    </message>
    <message>
        <source>Current medicines</source>
        <translation>Medicamentos actuales</translation>
    </message>
    <message>
        <source>One medicine per item, as written (up to 120 characters, 40 items); an opioid among them turns on the opioid warning</source>
        <translation>Un medicamento por elemento, tal como está escrito (hasta 120 caracteres, 40 elementos); si hay un opioide, se activa la advertencia sobre opioides</translation>
    </message>
    <message>
        <source>Surgery or procedure planned</source>
        <translation>Cirugía o procedimiento previsto</translation>
    </message>
    <message>
        <source>That may need opioid pain relief</source>
        <translation>Que puede requerir analgesia con opioides</translation>
    </message>
    <message>
        <source>Liver disease</source>
        <translation>Enfermedad hepática</translation>
    </message>
    <message>
        <source>Pregnant, planning or breastfeeding</source>
        <translation>Embarazo, planes de embarazo o lactancia</translation>
    </message>
    <message>
        <source>Neuroinflammation symptoms</source>
        <translation>Síntomas de neuroinflamación</translation>
    </message>
    <message>
        <source>Nutrition concern</source>
        <translation>Problema de nutrición</translation>
    </message>
    <message>
        <source>Weight loss, poor intake, malnutrition risk</source>
        <translation>Pérdida de peso, ingesta escasa, riesgo de desnutrición</translation>
    </message>
    <message>
        <source>Clinician name</source>
        <translation>Nombre del profesional</translation>
    </message>
    <message>
        <source>Clinician role</source>
        <translation>Función del profesional</translation>
    </message>
    <message>
        <source>Appointment date</source>
        <translation>Fecha de la consulta</translation>
    </message>
    <message>
        <source>YYYY-MM-DD; defaults to today</source>
        <translation>AAAA-MM-DD; si se deja vacía, hoy</translation>
    </message>
    <message>
        <source>Notes for this patient</source>
        <translation>Notas sobre este paciente</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Idioma del informe</translation>
    </message>
    <message>
        <source>en (English) or es (Spanish); not given = the template&apos;s language</source>
        <translation>en (inglés) o es (español); si no se indica, el idioma de la plantilla</translation>
    </message>
    <message>
        <source>Clinically isolated syndrome (CIS)</source>
        <translation>Síndrome clínico aislado (SCA)</translation>
    </message>
    <message>
        <source>Relapsing-remitting MS</source>
        <translation>EM remitente-recurrente</translation>
    </message>
    <message>
        <source>Secondary progressive MS</source>
        <translation>EM secundaria progresiva</translation>
    </message>
    <message>
        <source>Primary progressive MS</source>
        <translation>EM primaria progresiva</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>On a DMT and tolerating it</source>
        <translation>Con un TME y lo tolera</translation>
    </message>
    <message>
        <source>On a DMT but not tolerating it</source>
        <translation>Con un TME pero no lo tolera</translation>
    </message>
    <message>
        <source>Stopped a DMT because of side effects</source>
        <translation>Dejó un TME por efectos secundarios</translation>
    </message>
    <message>
        <source>DMTs are not suitable (contraindicated)</source>
        <translation>Los TME no son adecuados (contraindicados)</translation>
    </message>
    <message>
        <source>Has declined DMT</source>
        <translation>Ha rechazado el TME</translation>
    </message>
    <message>
        <source>No DMT yet</source>
        <translation>Aún sin TME</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Estado de ánimo</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Thinking and memory</source>
        <translation>Pensamiento y memoria</translation>
    </message>
    <message>
        <source>Fatigue</source>
        <translation>Fatiga</translation>
    </message>
    <message>
        <source>Quality of life</source>
        <translation>Calidad de vida</translation>
    </message>
    <message>
        <source>Slow MS progression</source>
        <translation>Frenar la progresión de la EM</translation>
    </message>
    <message>
        <source>Fewer relapses</source>
        <translation>Menos brotes</translation>
    </message>
    <message>
        <source>Replace a DMT</source>
        <translation>Sustituir un TME</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>ContextForm</name>
    <message>
        <source>Form problems</source>
        <translation>Problemas del formulario</translation>
    </message>
    <message>
        <source>%1: problem</source>
        <translation>%1: problema</translation>
    </message>
    <message>
        <source>The template&apos;s default</source>
        <translation>El de la plantilla</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>Objetivo: %1</translation>
    </message>
    <message>
        <source>Printed as plain text in the report</source>
        <translation>Se imprime como texto sin formato en el informe</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: today)</source>
        <translation>AAAA-MM-DD (vacía: hoy)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Ticked because the medicine list has an opioid; remove it from the list to change this</source>
        <translation>Marcada porque la lista de medicamentos contiene un opioide; quítelo de la lista para cambiarla</translation>
    </message>
    <message>
        <source>Opioid: %1 contains %2.</source>
        <translation>Opioide: %1 contiene %2.</translation>
    </message>
    <message>
        <source>“Takes any opioid” stays ticked while an opioid is listed.</source>
        <translation>«Toma algún opioide» sigue marcada mientras haya un opioide en la lista.</translation>
    </message>
    <message>
        <source>Check: %1. Correct it, or tick the opioid box.</source>
        <translation>Compruebe: %1. Corríjalo o marque la casilla de opioides.</translation>
    </message>
    <message>
        <source>%1 (hidden while de-identified): %2</source>
        <translation>%1 (oculto mientras el informe está anonimizado): %2</translation>
    </message>
</context>
<context>
    <name>CoreMessage</name>
    <message>
        <source>is not a date; write it as YYYY-MM-DD, e.g. %1</source>
        <translation>no es una fecha; escríbala como AAAA-MM-DD, p. ej., %1</translation>
    </message>
    <message>
        <source>is not a real calendar date; write it as YYYY-MM-DD, e.g. %1</source>
        <translation>no es una fecha real del calendario; escríbala como AAAA-MM-DD, p. ej., %1</translation>
    </message>
    <message>
        <source>is in the future; a date of birth is today or earlier</source>
        <translation>está en el futuro; la fecha de nacimiento es hoy o antes</translation>
    </message>
    <message>
        <source>is before %1; a date of birth is from %1 on</source>
        <translation>es anterior a %1; la fecha de nacimiento es de %1 en adelante</translation>
    </message>
    <message>
        <source>must be a date between %1 and %2</source>
        <translation>debe ser una fecha entre %1 y %2</translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2 are allowed</source>
        <translation>tiene %1 caracteres; se permiten como máximo %2</translation>
    </message>
    <message>
        <source>contains a broken character (an unpaired surrogate) at position %1; retype it</source>
        <translation>contiene un carácter roto (un sustituto sin pareja) en la posición %1; vuelva a escribirlo</translation>
    </message>
    <message>
        <source>has %1 at position %2 (%3); retype it with visible characters only</source>
        <translation>tiene %1 en la posición %2 (%3); vuelva a escribirlo solo con caracteres visibles</translation>
    </message>
    <message>
        <source>is empty; each medicine needs 1 to %1 characters (remove empty items)</source>
        <translation>está vacío; cada medicamento necesita de 1 a %1 caracteres (quite los elementos vacíos)</translation>
    </message>
    <message>
        <source>is one too many: at most %1 medicines are allowed</source>
        <translation>sobra: se permiten como máximo %1 medicamentos</translation>
    </message>
    <message>
        <source>is required (%1)</source>
        <translation>es obligatorio (%1)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>no se encontró el archivo</translation>
    </message>
    <message>
        <source>must be text, not %1</source>
        <translation>debe ser texto, no %1</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>debe ser true o false, no %1</translation>
    </message>
    <message>
        <source>must be a list, not %1</source>
        <translation>debe ser una lista, no %1</translation>
    </message>
    <message>
        <source>must be a date as YYYY-MM-DD text, not %1</source>
        <translation>debe ser una fecha como texto AAAA-MM-DD, no %1</translation>
    </message>
    <message>
        <source>must be the number %1</source>
        <translation>debe ser el número %1</translation>
    </message>
    <message>
        <source>is not a field of the patient context (format version 1); allowed fields: %1</source>
        <translation>no es un campo del contexto del paciente (versión 1 del formato); campos permitidos: %1</translation>
    </message>
    <message>
        <source>this value is not allowed; choose one of: %1</source>
        <translation>este valor no está permitido; elija uno de: %1</translation>
    </message>
    <message>
        <source>this value is not allowed; choose from: %1</source>
        <translation>este valor no está permitido; elija entre: %1</translation>
    </message>
    <message>
        <source>must be text (in quotes), not %1</source>
        <translation>debe ser texto (entre comillas), no %1</translation>
    </message>
    <message>
        <source>contains a broken character (an unpaired surrogate, %1) at position %2; retype it</source>
        <translation>contiene un carácter roto (un sustituto sin pareja, %1) en la posición %2; vuelva a escribirlo</translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2 allowed</source>
        <translation>tiene %1 caracteres; se permiten como máximo %2</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>no puede estar vacío</translation>
    </message>
    <message>
        <source>must be a finite number between %1 and %2, not %3</source>
        <translation>debe ser un número finito entre %1 y %2, no %3</translation>
    </message>
    <message>
        <source>must be a finite number between %1 and %2; %3 is not</source>
        <translation>debe ser un número finito entre %1 y %2; %3 no lo es</translation>
    </message>
    <message>
        <source>is %1; it must be a finite number between %2 and %3</source>
        <translation>es %1; debe ser un número finito entre %2 y %3</translation>
    </message>
    <message>
        <source>%1 is not allowed; choose one of: %2</source>
        <translation>%1 no está permitido; elija uno de: %2</translation>
    </message>
    <message>
        <source>%1 is not a colour; write it as #RRGGBB, e.g. &quot;#1F5C99&quot;</source>
        <translation>%1 no es un color; escríbalo como #RRGGBB, p. ej., &quot;#1F5C99&quot;</translation>
    </message>
    <message>
        <source>%1 has a contrast of %2:1 against white paper; headings, citation numbers and links in it need at least %3:1 (WCAG AA). Choose a darker colour, e.g. %4 (the same hue, %5:1)</source>
        <translation>%1 tiene un contraste de %2:1 sobre papel blanco; los títulos, los números de las citas y los enlaces en ese color necesitan al menos %3:1 (WCAG AA). Elija un color más oscuro, p. ej., %4 (el mismo tono, %5:1)</translation>
    </message>
    <message>
        <source>%1 is not a language tag; use e.g. en, en-GB, fr-CA</source>
        <translation>%1 no es una etiqueta de idioma; use p. ej. en, en-GB, fr-CA</translation>
    </message>
    <message>
        <source>line %1, column %2: unknown placeholder %3; allowed: %4</source>
        <translation>línea %1, columna %2: marcador desconocido %3; se permiten: %4</translation>
    </message>
    <message>
        <source>line %1, column %2: “{” is not closed; write {{ for a literal brace</source>
        <translation>línea %1, columna %2: «{» no está cerrada; escriba {{ para una llave literal</translation>
    </message>
    <message>
        <source>line %1, column %2: bold “**” is not closed in this paragraph; write \* for a literal asterisk</source>
        <translation>línea %1, columna %2: la negrita «**» no se cierra en este párrafo; escriba \* para un asterisco literal</translation>
    </message>
    <message>
        <source>line %1, column %2: italic “*” is not closed in this paragraph; write \* for a literal asterisk</source>
        <translation>línea %1, columna %2: la cursiva «*» no se cierra en este párrafo; escriba \* para un asterisco literal</translation>
    </message>
    <message>
        <source>line %1: contains a control character (%2)</source>
        <translation>línea %1: contiene un carácter de control (%2)</translation>
    </message>
    <message>
        <source>no section is shown; show at least one (visible = true)</source>
        <translation>no se muestra ninguna sección; muestre al menos una (visible = true)</translation>
    </message>
    <message>
        <source>needs at least one row (when, what, who, week)</source>
        <translation>necesita al menos una fila (cuándo, qué, quién, semana)</translation>
    </message>
    <message>
        <source>must be a date, YYYY-MM-DD</source>
        <translation>debe ser una fecha, AAAA-MM-DD</translation>
    </message>
    <message>
        <source>must be a date from 2000 to today</source>
        <translation>debe ser una fecha entre 2000 y hoy</translation>
    </message>
    <message>
        <source>needs reviewer (the qualified medical translator&apos;s name) and date (YYYY-MM-DD)</source>
        <translation>necesita revisor (el nombre del traductor médico calificado) y fecha (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>must be a list with at least one of: %1</source>
        <translation>debe ser una lista con al menos uno de: %1</translation>
    </message>
    <message>
        <source>this value is not allowed; use one of: %1, or the words the app&apos;s form shows (such as &quot;%2&quot;)</source>
        <translation>este valor no está permitido; use uno de: %1, o las palabras que muestra el formulario de la aplicación en inglés (como &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>this value is not allowed; use one of: %1</source>
        <translation>este valor no está permitido; use uno de: %1</translation>
    </message>
    <message>
        <source>value(s) %1 not allowed; use one of: %2, or the words the app&apos;s form shows (such as &quot;%3&quot;) (several separated by ;)</source>
        <translation>valor(es) %1 no permitido(s); use uno de: %2, o las palabras que muestra el formulario de la aplicación en inglés (como &quot;%3&quot;) (varios separados por ;)</translation>
    </message>
    <message>
        <source>is not %1; this app reads format version %1 only</source>
        <translation>no es %1; esta aplicación solo lee la versión de formato %1</translation>
    </message>
    <message>
        <source>is not yes/no; use %1, or x for yes (an empty cell is no)</source>
        <translation>no es sí/no; use %1, o x para sí (una celda vacía es no)</translation>
    </message>
    <message>
        <source>is not yes/no; use %1</source>
        <translation>no es sí/no; use %1</translation>
    </message>
    <message>
        <source>must be the number %1 (or left empty)</source>
        <translation>debe ser el número %1 (o quedar vacío)</translation>
    </message>
    <message>
        <source>the row has %1 cells but the header has %2 columns (an unquoted delimiter in a cell?)</source>
        <translation>la fila tiene %1 celdas pero el encabezado tiene %2 columnas (¿un separador sin comillas en una celda?)</translation>
    </message>
    <message>
        <source>column(s) %1 of the first line are not known column names; the header must use these names: %2 (or the labels the app&apos;s form shows)</source>
        <translation>la(s) columna(s) %1 de la primera línea no son nombres de columna conocidos; el encabezado debe usar estos nombres: %2 (o las etiquetas en inglés que muestra el formulario de la aplicación)</translation>
    </message>
    <message>
        <source>required column(s) missing: %1 (is the first line the header?)</source>
        <translation>falta(n) la(s) columna(s) obligatoria(s): %1 (¿es la primera línea el encabezado?)</translation>
    </message>
    <message>
        <source>has %1 patient rows; at most %2 per batch</source>
        <translation>tiene %1 filas de pacientes; como máximo %2 por lote</translation>
    </message>
    <message>
        <source>%1 row(s) with an empty %2 cell (rows %3; the manifest&apos;s unset column), built with the neutral wording of &quot;unknown&quot; (Not recorded); fill in the list and run it again for wording that fits each patient.</source>
        <translation>%1 fila(s) con la celda %2 vacía (filas %3; la columna unset del manifiesto), generadas con el texto neutro de &quot;unknown&quot; (No consta); complete la lista y vuelva a ejecutarla para un texto adecuado a cada paciente.</translation>
    </message>
    <message>
        <source>The path holds a character that cannot be in a file name.</source>
        <translation>La ruta tiene un carácter que no puede estar en un nombre de archivo.</translation>
    </message>
    <message>
        <source>A path starting with ~ needs a user of that name on this computer.</source>
        <translation>Una ruta que empieza por ~ necesita un usuario con ese nombre en este ordenador.</translation>
    </message>
    <message>
        <source>Give the whole path (starting with / or ~), or use Choose…</source>
        <translation>Escriba la ruta completa (que empiece por / o ~), o use Elegir…</translation>
    </message>
    <message>
        <source>Nothing at this path: check the spelling, or use Choose…</source>
        <translation>No hay nada en esta ruta: revise cómo está escrita, o use Elegir…</translation>
    </message>
    <message>
        <source>A part of this path is a file, not a folder.</source>
        <translation>Una parte de esta ruta es un archivo, no una carpeta.</translation>
    </message>
    <message>
        <source>You may not open this path (permission denied).</source>
        <translation>No tiene permiso para abrir esta ruta (permiso denegado).</translation>
    </message>
    <message>
        <source>This path cannot be used: %1.</source>
        <translation>No se puede usar esta ruta: %1.</translation>
    </message>
    <message>
        <source>This is a folder: choose the clinic list&apos;s .csv file in it.</source>
        <translation>Es una carpeta: elija dentro de ella el archivo .csv de la lista de la consulta.</translation>
    </message>
    <message>
        <source>This is not an ordinary file (a pipe or a device): choose the clinic list&apos;s .csv file.</source>
        <translation>No es un archivo normal (una tubería o un dispositivo): elija el archivo .csv de la lista de la consulta.</translation>
    </message>
    <message>
        <source>You may not read this file (permission denied).</source>
        <translation>No tiene permiso para leer este archivo (permiso denegado).</translation>
    </message>
    <message>
        <source>This file is larger than %1 MB: split the list.</source>
        <translation>Este archivo ocupa más de %1 MB: divida la lista.</translation>
    </message>
    <message>
        <source>This is a file, not a folder: give a folder for the reports.</source>
        <translation>Es un archivo, no una carpeta: indique una carpeta para los informes.</translation>
    </message>
    <message>
        <source>You may not write in this folder (permission denied).</source>
        <translation>No tiene permiso para escribir en esta carpeta (permiso denegado).</translation>
    </message>
    <message>
        <source>A part of this path is not a folder.</source>
        <translation>Una parte de esta ruta no es una carpeta.</translation>
    </message>
    <message>
        <source>The folder cannot be made: you may not write in %1.</source>
        <translation>No se puede crear la carpeta: no tiene permiso para escribir en %1.</translation>
    </message>
    <message>
        <source>A new folder: it is made when the batch starts.</source>
        <translation>Una carpeta nueva: se crea cuando empieza el lote.</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name ending in .pdf or .html</source>
        <translation>%1 es una carpeta; indique un nombre de archivo que termine en .pdf o .html</translation>
    </message>
    <message>
        <source>%1 must end in .pdf or .html</source>
        <translation>%1 debe terminar en .pdf o .html</translation>
    </message>
    <message>
        <source>makes a PDF: give -o a file name ending in .pdf, not %1</source>
        <translation>hace un PDF: indique en -o un nombre de archivo que termine en .pdf, no en %1</translation>
    </message>
    <message>
        <source>is the same file as %1 (%2); writing it would overwrite that file. Choose another file name</source>
        <translation>es el mismo archivo que %1 (%2); escribirlo sobrescribiría ese archivo. Elija otro nombre de archivo</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name</source>
        <translation>%1 es una carpeta; indique un nombre de archivo</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2 is a file, not a folder</source>
        <translation>no se puede escribir %1: %2 es un archivo, no una carpeta</translation>
    </message>
    <message>
        <source>%1 cannot be written: no permission to write in %2</source>
        <translation>no se puede escribir %1: no hay permiso para escribir en %2</translation>
    </message>
    <message>
        <source>%1 is not an example; choose one of: %2</source>
        <translation>%1 no es un ejemplo; elija uno de: %2</translation>
    </message>
    <message>
        <source>this is not a known template; choose one of: %1, or give a .toml file</source>
        <translation>esta no es una plantilla conocida; elija una de: %1, o indique un archivo .toml</translation>
    </message>
    <message>
        <source>%1 is not a known template; choose one of: %2, or give a .toml file</source>
        <translation>%1 no es una plantilla conocida; elija una de: %2, o indique un archivo .toml</translation>
    </message>
    <message>
        <source>the report fonts cannot draw %1; these characters print as a substitute mark</source>
        <translation>las fuentes del informe no pueden dibujar %1; estos caracteres se imprimen como un signo de sustitución</translation>
    </message>
    <message>
        <source>did you mean %1? “%2” looks like %1, which contains %3, an opioid; the report has no opioid warning for it until the spelling is corrected or the opioid box is ticked</source>
        <translation>¿quería decir %1? «%2» se parece a %1, que contiene %3, un opioide; el informe no tiene advertencia de opioides para él hasta que se corrija la ortografía o se marque la casilla de opioides</translation>
    </message>
    <message>
        <source>did you mean %1? “%2” looks like %1, an opioid; the report has no opioid warning for it until the spelling is corrected or the opioid box is ticked</source>
        <translation>¿quería decir %1? «%2» se parece a %1, un opioide; el informe no tiene advertencia de opioides para él hasta que se corrija la ortografía o se marque la casilla de opioides</translation>
    </message>
    <message>
        <source>%1. Until then this report prints its accent-coloured text in a darker shade of it (%2 or darker)</source>
        <translation>%1. Mientras tanto, este informe imprime su texto en el color de acento con un tono más oscuro de ese color (%2 o más oscuro)</translation>
    </message>
    <message>
        <source>the template has no %1 version of the text block %2; the %1 report leaves it out</source>
        <translation>la plantilla no tiene versión en %1 del texto %2; el informe en %1 lo omite</translation>
    </message>
    <message>
        <source>the template has no %1 heading for section %2 (“%3”); the %1 report prints the standard heading</source>
        <translation>la plantilla no tiene título en %1 para la sección %2 («%3»); el informe en %1 imprime el título estándar</translation>
    </message>
    <message>
        <source>the template has no %1 version of row %2 of the monitoring plan; the %1 report prints this row in %3, as written</source>
        <translation>la plantilla no tiene versión en %1 de la fila %2 del plan de controles; el informe en %1 imprime esta fila en %3, tal como está escrita</translation>
    </message>
    <message>
        <source>handout register not written: %1; the record is queued and retried next time</source>
        <translation>no se escribió en el registro de entregas: %1; el registro queda en cola y se reintenta la próxima vez</translation>
    </message>
    <message>
        <source>handout register not written: %1; the record could not be queued either (%2)</source>
        <translation>no se escribió en el registro de entregas: %1; el registro tampoco pudo quedar en cola (%2)</translation>
    </message>
    <message>
        <source>The evidence pack %1 was due for review by %2; reports still build, but ask for an updated pack.</source>
        <translation>El paquete de evidencia %1 debía revisarse antes del %2; los informes se siguen haciendo, pero pida un paquete actualizado.</translation>
    </message>
    <message>
        <source>a broken character (an unpaired surrogate)</source>
        <translation>un carácter roto (un sustituto sin pareja)</translation>
    </message>
    <message>
        <source>a control character</source>
        <translation>un carácter de control</translation>
    </message>
    <message>
        <source>an invisible formatting character</source>
        <translation>un carácter de formato invisible</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>Introduction (top of “Why we are talking about LDN”)</source>
        <translation>Introducción (al principio de «Por qué hablamos con usted de la LDN»)</translation>
    </message>
    <message>
        <source>How to get LDN at this clinic (end of the monitoring plan)</source>
        <translation>Cómo conseguir la LDN en esta clínica (al final del plan de controles)</translation>
    </message>
    <message>
        <source>Contact (end of the safety section)</source>
        <translation>Contacto (al final de la sección de seguridad)</translation>
    </message>
    <message>
        <source>After hours (end of the safety section)</source>
        <translation>Fuera de horario (al final de la sección de seguridad)</translation>
    </message>
    <message>
        <source>item %1 %2</source>
        <translation>elemento %1: %2</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <source>Choose %1 from a calendar</source>
        <translation>Elegir %1 en un calendario</translation>
    </message>
    <message>
        <source>Choose from a calendar (%1)</source>
        <translation>Elegir en un calendario (%1)</translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>This computer: %1</source>
        <translation>Este equipo: %1</translation>
    </message>
    <message>
        <source>The register could not be read (%1)</source>
        <translation>No se pudo leer el registro (%1)</translation>
    </message>
    <message>
        <source>1 report given out</source>
        <translation>1 informe entregado</translation>
    </message>
    <message>
        <source>%1 reports given out</source>
        <translation>%1 informes entregados</translation>
    </message>
    <message>
        <source> (the newest)</source>
        <translation> (los más recientes)</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>Ajustes no guardados: %1</translation>
    </message>
    <message>
        <source>Check a sheet</source>
        <translation>Comprobar una hoja</translation>
    </message>
    <message>
        <source>%1: checking…</source>
        <translation>%1: comprobando…</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Número de historia</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Handout history</source>
        <translation>Historial de entregas</translation>
    </message>
    <message>
        <source>Search clinician, template, content, name…</source>
        <translation>Buscar profesional, plantilla, contenido, nombre…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Since date</source>
        <translation>Fecha desde</translation>
    </message>
    <message>
        <source>Needs a new sheet only</source>
        <translation>Solo las que necesitan una hoja nueva</translation>
    </message>
    <message>
        <source>Each patient&apos;s latest sheet, when its evidence pack is older than the installed one</source>
        <translation>La última hoja de cada paciente, cuando su paquete de evidencia es anterior al instalado</translation>
    </message>
    <message>
        <source>Reports given out</source>
        <translation>Informes entregados</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Empty: the register file on this computer. A clinic&apos;s shared register: postgresql://user@host/database</source>
        <translation>Vacío: el archivo de registro de este ordenador. Un registro compartido de la clínica: postgresql://user@host/database</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Usar</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>Registro:</translation>
    </message>
    <message>
        <source>Check a sheet…</source>
        <translation>Comprobar una hoja…</translation>
    </message>
    <message>
        <source>Was a PDF made here, when, for whom; is its pack current?</source>
        <translation>¿Se hizo aquí un PDF, cuándo, para quién? ¿Su paquete está al día?</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>LanguageWords</name>
    <message>
        <source>Clinician pages</source>
        <translation>Páginas clínicas</translation>
    </message>
    <message>
        <source>In the report&apos;s language</source>
        <translation>En el idioma del informe</translation>
    </message>
    <message>
        <source>In English (the report says so)</source>
        <translation>En inglés (el informe lo indica)</translation>
    </message>
    <message>
        <source>Wording for reports in</source>
        <translation>Textos para informes en</translation>
    </message>
    <message>
        <source>Your own wording for reports in another language than the template&apos;s. Empty: the standard heading, no clinic text, and a plan row as written on the Schedule tab (the build warns).</source>
        <translation>Sus propios textos para informes en otro idioma que el de la plantilla. Vacío: el título estándar, ningún texto de la clínica y una fila del plan tal como está en la pestaña Calendario (el informe avisa).</translation>
    </message>
    <message>
        <source>Section headings</source>
        <translation>Títulos de las secciones</translation>
    </message>
    <message>
        <source>Standard heading</source>
        <translation>Título estándar</translation>
    </message>
    <message>
        <source>Your heading</source>
        <translation>Su título</translation>
    </message>
    <message>
        <source>Clinic text</source>
        <translation>Texto de la clínica</translation>
    </message>
    <message>
        <source>Monitoring plan (same rows and weeks as the Schedule tab)</source>
        <translation>Plan de controles (las mismas filas y semanas que la pestaña Calendario)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Reviewed by (qualified medical translator)</source>
        <translation>Revisado por (traductor médico calificado)</translation>
    </message>
    <message>
        <source>Review date (YYYY-MM-DD)</source>
        <translation>Fecha de la revisión (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <source>1 field to fix; the preview shows the last good report.</source>
        <translation>1 campo por corregir; la vista previa muestra el último informe correcto.</translation>
    </message>
    <message>
        <source>%1 fields to fix; the preview shows the last good report.</source>
        <translation>%1 campos por corregir; la vista previa muestra el último informe correcto.</translation>
    </message>
    <message>
        <source>the form</source>
        <translation>el formulario</translation>
    </message>
    <message>
        <source>The preview below is the last good report.</source>
        <translation>La vista previa de abajo es el último informe correcto.</translation>
    </message>
    <message>
        <source>No report yet.</source>
        <translation>Aún no hay informe.</translation>
    </message>
    <message>
        <source>Out of date: fix %1. %2</source>
        <translation>Desactualizada: corrija %1. %2</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
    <message>
        <source>built in %1 ms</source>
        <translation>generado en %1 ms</translation>
    </message>
    <message>
        <source>Preview is up to date</source>
        <translation>La vista previa está al día</translation>
    </message>
    <message>
        <source>The report could not be built: %1
The preview shows the last good report.</source>
        <translation>No se pudo generar el informe: %1
La vista previa muestra el último informe correcto.</translation>
    </message>
    <message>
        <source>Report build failed</source>
        <translation>Falló la generación del informe</translation>
    </message>
    <message>
        <source>building…</source>
        <translation>generando…</translation>
    </message>
    <message>
        <source>new patient context</source>
        <translation>nuevo contexto de paciente</translation>
    </message>
    <message>
        <source>starting a new patient context</source>
        <translation>empezar un nuevo contexto de paciente</translation>
    </message>
    <message>
        <source>opening another file</source>
        <translation>abrir otro archivo</translation>
    </message>
    <message>
        <source>Open a patient context</source>
        <translation>Abrir un contexto de paciente</translation>
    </message>
    <message>
        <source>Cannot open this file</source>
        <translation>No se puede abrir este archivo</translation>
    </message>
    <message>
        <source>opening an example</source>
        <translation>abrir un ejemplo</translation>
    </message>
    <message>
        <source>Cannot %1 yet</source>
        <translation>Aún no se puede %1</translation>
    </message>
    <message>
        <source>Some fields need fixing first (marked in red).</source>
        <translation>Antes hay que corregir algunos campos (marcados en rojo).</translation>
    </message>
    <message>
        <source>save</source>
        <translation>guardar</translation>
    </message>
    <message>
        <source>Save the patient context</source>
        <translation>Guardar el contexto del paciente</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>No se puede guardar</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>a new context</source>
        <translation>un contexto nuevo</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>The template editor is not ready yet.</source>
        <translation>El editor de plantillas aún no está listo.</translation>
    </message>
    <message>
        <source>Clinic day batch</source>
        <translation>Lote del día de consulta</translation>
    </message>
    <message>
        <source>The batch dialog is not ready yet.</source>
        <translation>El diálogo de lotes aún no está listo.</translation>
    </message>
    <message>
        <source>The new language is used the next time the app starts.</source>
        <translation>El nuevo idioma se usará la próxima vez que se abra la aplicación.</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Ajustes no guardados</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>Ajustes no guardados: %1</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>cerrar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LDN report builder</source>
        <translation>Generador de informes de LDN</translation>
    </message>
    <message>
        <source>Patient context</source>
        <translation>Contexto del paciente</translation>
    </message>
    <message>
        <source>Report problem</source>
        <translation>Problema del informe</translation>
    </message>
    <message>
        <source>Preview out of date</source>
        <translation>Vista previa desactualizada</translation>
    </message>
    <message>
        <source>What the rules triggered for this patient</source>
        <translation>Lo que activaron las reglas para este paciente</translation>
    </message>
    <message>
        <source>Clinic template</source>
        <translation>Plantilla de la clínica</translation>
    </message>
    <message>
        <source>Page count</source>
        <translation>Número de páginas</translation>
    </message>
    <message>
        <source>Build time</source>
        <translation>Tiempo de generación</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>Start an empty patient context</source>
        <translation>Empezar un contexto de paciente vacío</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open a patient context (JSON)</source>
        <translation>Abrir un contexto de paciente (JSON)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the patient context</source>
        <translation>Guardar el contexto del paciente</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>E&amp;xportar PDF…</translation>
    </message>
    <message>
        <source>Save the report as a PDF</source>
        <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
        <source>Export accessible &amp;HTML…</source>
        <translation>Exportar &amp;HTML accesible…</translation>
    </message>
    <message>
        <source>Save the report as an accessible web page, for screen readers and large text</source>
        <translation>Guardar el informe como página web accesible, para lectores de pantalla y letra grande</translation>
    </message>
    <message>
        <source>Export accessible P&amp;DF…</source>
        <translation>Exportar P&amp;DF accesible…</translation>
    </message>
    <message>
        <source>Save the report as a tagged PDF (PDF/UA) for screen readers</source>
        <translation>Guardar el informe como PDF etiquetado (PDF/UA) para lectores de pantalla</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Imprimir el informe</translation>
    </message>
    <message>
        <source>Clinic day &amp;batch…</source>
        <translation>&amp;Lote del día de consulta…</translation>
    </message>
    <message>
        <source>One report per patient on a clinic list</source>
        <translation>Un informe por paciente de una lista de la consulta</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>Reports given out; check whether a sheet is current</source>
        <translation>Informes entregados; comprobar si una hoja está al día</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo the last change to the form</source>
        <translation>Deshacer el último cambio del formulario</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Rehacer lo deshecho</translation>
    </message>
    <message>
        <source>Copy &amp;chart note</source>
        <translation>Copiar nota &amp;clínica</translation>
    </message>
    <message>
        <source>Copy a short note for the health record</source>
        <translation>Copiar una nota breve para la historia clínica</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit width</source>
        <translation>Ajustar al a&amp;ncho</translation>
    </message>
    <message>
        <source>Go to the &amp;form</source>
        <translation>Ir al &amp;formulario</translation>
    </message>
    <message>
        <source>Go to the &amp;preview</source>
        <translation>Ir a la &amp;vista previa</translation>
    </message>
    <message>
        <source>Go to the &amp;rules panel</source>
        <translation>Ir al panel de &amp;reglas</translation>
    </message>
    <message>
        <source>Choose &amp;template</source>
        <translation>Elegir &amp;plantilla</translation>
    </message>
    <message>
        <source>&amp;Edit templates…</source>
        <translation>&amp;Editar plantillas…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Open E&amp;xample</source>
        <translation>Abrir &amp;ejemplo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>&amp;Plantillas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source> Template: </source>
        <translation> Plantilla: </translation>
    </message>
    <message>
        <source>&amp;Language (applies at next start)</source>
        <translation>&amp;Idioma / Language (al volver a abrir)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
</context>
<context>
    <name>MedicineListEdit</name>
    <message>
        <source>Current medicines</source>
        <translation>Medicamentos actuales</translation>
    </message>
    <message>
        <source>Add a medicine</source>
        <translation>Añadir un medicamento</translation>
    </message>
    <message>
        <source>Type a medicine, then Enter</source>
        <translation>Escriba un medicamento y pulse Intro</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add the medicine typed</source>
        <translation>Añadir el medicamento escrito</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected medicine</source>
        <translation>Quitar el medicamento seleccionado</translation>
    </message>
</context>
<context>
    <name>OutputActions</name>
    <message>
        <source>Cannot %1</source>
        <translation>No se puede %1</translation>
    </message>
    <message>
        <source>The report could not be built.</source>
        <translation>No se pudo generar el informe.</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>export</source>
        <translation>exportar</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Exportar el informe como PDF</translation>
    </message>
    <message>
        <source>Exported %1 (%2 pages)</source>
        <translation>Exportado %1 (%2 páginas)</translation>
    </message>
    <message>
        <source>Export the report as accessible HTML</source>
        <translation>Exportar el informe como HTML accesible</translation>
    </message>
    <message>
        <source>Exported %1 (accessible HTML)</source>
        <translation>Exportado %1 (HTML accesible)</translation>
    </message>
    <message>
        <source>Export the report as an accessible PDF</source>
        <translation>Exportar el informe como PDF accesible</translation>
    </message>
    <message>
        <source>Exported %1 (accessible PDF, %2 pages)</source>
        <translation>Exportado %1 (PDF accesible, %2 páginas)</translation>
    </message>
    <message>
        <source>print</source>
        <translation>imprimir</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Imprimir el informe</translation>
    </message>
    <message>
        <source>Printing the report…</source>
        <translation>Imprimiendo el informe…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>Falló la impresión</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>No se puede imprimir</translation>
    </message>
    <message>
        <source>Printing cancelled; nothing was sent</source>
        <translation>Impresión cancelada; no se envió nada</translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>la impresora</translation>
    </message>
    <message>
        <source>Sent 1 page to %1</source>
        <translation>Enviada 1 página a %1</translation>
    </message>
    <message>
        <source>Sent %1 pages to %2</source>
        <translation>Enviadas %1 páginas a %2</translation>
    </message>
    <message>
        <source>copy the chart note</source>
        <translation>copiar la nota clínica</translation>
    </message>
    <message>
        <source>Chart note copied to the clipboard</source>
        <translation>Nota clínica copiada al portapapeles</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Report preview</source>
        <translation>Vista previa del informe</translation>
    </message>
    <message>
        <source>The PDF report as it will print; all pages</source>
        <translation>El informe PDF tal como se imprimirá; todas las páginas</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Fit page width</source>
        <translation>Ajustar al ancho de página</translation>
    </message>
    <message>
        <source> (fit width)</source>
        <translation> (ajustado al ancho)</translation>
    </message>
</context>
<context>
    <name>Rule</name>
    <message>
        <source>Core messages: not recommended as a main treatment; not a DMT replacement; moderate to low quality evidence; modest benefit against a dummy pill, after 8 weeks; the larger trial; harms with numbers; the decision aid.</source>
        <translation>Mensajes básicos: no se recomienda como tratamiento principal; no sustituye a un TME; evidencia de calidad moderada a baja; beneficio modesto frente a placebo, a las 8 semanas; el ensayo más grande; los daños con números; la ayuda para decidir.</translation>
    </message>
    <message>
        <source>No DMT: stresses that approved DMTs are the cornerstone of MS care and invites a DMT discussion.</source>
        <translation>Sin TME: insiste en que los TME aprobados son la base del tratamiento de la EM e invita a hablar de los TME.</translation>
    </message>
    <message>
        <source>DMT status not recorded: neutral wording (DMTs are the main treatment; tell us about any MS medicine), never the wording for someone who declined.</source>
        <translation>Estado del TME sin registrar: texto neutro (los TME son el tratamiento principal; díganos cualquier medicamento para la EM), nunca el texto para quien lo rechazó.</translation>
    </message>
    <message>
        <source>DMT not tolerated or not suitable: one situation where LDN might be considered, still not as disease modification; LDN does not replace a DMT; invites a talk about other DMT options (and the record&apos;s tick line).</source>
        <translation>TME no tolerado o no adecuado: un caso en que se podría considerar la LDN, aun así no como modificadora de la enfermedad; la LDN no sustituye a un TME; invita a hablar de otras opciones de TME (y la línea para marcar del registro).</translation>
    </message>
    <message>
        <source>On a DMT and tolerating it: LDN would be an add-on; keep taking the DMT.</source>
        <translation>Con un TME y lo tolera: la LDN sería un añadido; seguir con el TME.</translation>
    </message>
    <message>
        <source>Hopes LDN will slow MS, cut relapses or replace a DMT: a marked expectation, in the patient&apos;s own words and DMT situation, that the evidence does not show this.</source>
        <translation>Espera que la LDN frene la EM, reduzca los brotes o sustituya a un TME: un recuadro de expectativas, con las palabras del paciente y su situación de TME, que dice que la evidencia no lo muestra.</translation>
    </message>
    <message>
        <source>Goal mood: matched to the mental health scores (MHI +6, MCS +3.3).</source>
        <translation>Objetivo ánimo: se relaciona con las puntuaciones de salud mental (MHI +6, MCS +3,3).</translation>
    </message>
    <message>
        <source>Goal pain: matched to the Pain Effects Scale (+1.6).</source>
        <translation>Objetivo dolor: se relaciona con la Pain Effects Scale (+1,6).</translation>
    </message>
    <message>
        <source>Goal thinking and memory: matched to the Perceived Deficits Questionnaire (+2.4).</source>
        <translation>Objetivo pensamiento y memoria: se relaciona con el Perceived Deficits Questionnaire (+2,4).</translation>
    </message>
    <message>
        <source>Goal fatigue: will be monitored; no claim of benefit.</source>
        <translation>Objetivo fatiga: se vigilará; no se afirma ningún beneficio.</translation>
    </message>
    <message>
        <source>Goal quality of life: what LDN was studied for; changes were small.</source>
        <translation>Objetivo calidad de vida: para lo que se estudió la LDN; los cambios fueron pequeños.</translation>
    </message>
    <message>
        <source>Takes opioids: LDN must not be started; named warning on page 1 (naltrexone label).</source>
        <translation>Toma opioides: no se debe empezar la LDN; advertencia con el nombre en la página 1 (ficha técnica de la naltrexona).</translation>
    </message>
    <message>
        <source>Check the medicine list: a name looks like a misspelt opioid.</source>
        <translation>Revise la lista de medicamentos: un nombre parece un opioide mal escrito.</translation>
    </message>
    <message>
        <source>Surgery planned: warning to tell the surgical team (opioid pain relief).</source>
        <translation>Cirugía prevista: advertencia de avisar al equipo quirúrgico (analgesia con opioides).</translation>
    </message>
    <message>
        <source>Liver disease: caution to discuss, with what is and is not known.</source>
        <translation>Enfermedad hepática: precaución que comentar, con lo que se sabe y lo que no.</translation>
    </message>
    <message>
        <source>Pregnant, planning or breastfeeding: caution to discuss; safety data are limited.</source>
        <translation>Embarazo, planificación o lactancia: precaución que comentar; los datos de seguridad son limitados.</translation>
    </message>
    <message>
        <source>Neuroinflammation symptoms: on the clinician pages only, the summary&apos;s adjunct-therapy suggestion as its own opinion (source not identified); never advice to the patient.</source>
        <translation>Síntomas de neuroinflamación: solo en las páginas clínicas, la sugerencia del resumen de un tratamiento complementario como opinión propia (fuente no identificada); nunca un consejo al paciente.</translation>
    </message>
    <message>
        <source>Nutrition concern: multidisciplinary care and nutrition points added.</source>
        <translation>Problema de nutrición: se añaden la atención multidisciplinar y los puntos de nutrición.</translation>
    </message>
    <message>
        <source>De-identified: no name, date of birth or record number anywhere in the report.</source>
        <translation>Sin datos personales: ni nombre, ni fecha de nacimiento, ni número de historia en ninguna parte del informe.</translation>
    </message>
    <message>
        <source>%1, contains %2</source>
        <translation>%1, contiene %2</translation>
    </message>
    <message>
        <source>Takes opioids (%1): LDN must not be started; named warning on page 1 (naltrexone label).</source>
        <translation>Toma opioides (%1): no se debe empezar la LDN; advertencia con el nombre en la página 1 (ficha técnica de la naltrexona).</translation>
    </message>
    <message>
        <source>Check the medicine list: %1. No opioid warning is added for it until it is corrected or the opioid box is ticked.</source>
        <translation>Revise la lista de medicamentos: %1. No se añade ninguna advertencia de opioides por él hasta que se corrija o se marque la casilla de opioides.</translation>
    </message>
    <message>
        <source>did you mean %1? “%2” looks like %1, an opioid</source>
        <translation>¿quería decir %1? «%2» se parece a %1, un opioide</translation>
    </message>
    <message>
        <source>did you mean %1? “%2” looks like %1, which contains %3, an opioid</source>
        <translation>¿quería decir %1? «%2» se parece a %1, que contiene %3, un opioide</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>⚠ Warning</source>
        <translation>⚠ Advertencia</translation>
    </message>
    <message>
        <source>● Caution</source>
        <translation>● Precaución</translation>
    </message>
    <message>
        <source>○ Note</source>
        <translation>○ Nota</translation>
    </message>
    <message>
        <source>⚠ Medicine list: %1</source>
        <translation>⚠ Lista de medicamentos: %1</translation>
    </message>
    <message>
        <source>⚠ Accent colour: %1</source>
        <translation>⚠ Color de acento: %1</translation>
    </message>
    <message>
        <source>⚠ Translation: %1</source>
        <translation>⚠ Traducción: %1</translation>
    </message>
    <message>
        <source>What the rules triggered</source>
        <translation>Lo que activaron las reglas</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Regla: %1</translation>
    </message>
    <message>
        <source>⚠ Font: %1</source>
        <translation>⚠ Fuente: %1</translation>
    </message>
    <message>
        <source>No special rules apply; the standard report.</source>
        <translation>No se aplica ninguna regla especial; informe estándar.</translation>
    </message>
</context>
<context>
    <name>TemplateDescription</name>
    <message>
        <source>Every section, standard print, US Letter paper.</source>
        <translation>Todas las secciones, letra normal, papel carta (EE. UU.).</translation>
    </message>
    <message>
        <source>Every section, standard print, A4 paper.</source>
        <translation>Todas las secciones, letra normal, papel A4.</translation>
    </message>
    <message>
        <source>Every section in large print (body 16 pt, headings 20 pt or more, 1.5 line spacing), US Letter paper.</source>
        <translation>Todas las secciones en letra grande (texto de 16 pt, títulos de 20 pt o más, interlineado de 1,5), papel carta (EE. UU.).</translation>
    </message>
    <message>
        <source>For clinicians: key points, the evidence summary and numbered references.</source>
        <translation>Para el equipo clínico: los puntos clave, el resumen de la evidencia y las referencias numeradas.</translation>
    </message>
    <message>
        <source>The key points, the opioid safety text and the consent-discussion sheet with signatures, on two or three pages.</source>
        <translation>Los puntos clave, el texto de seguridad sobre los opioides y la hoja de la conversación sobre el consentimiento, con firmas, en dos o tres páginas.</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Clinic templates</source>
        <translation>Plantillas de la clínica</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Template status</source>
        <translation>Estado de la plantilla</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Use this template</source>
        <translation>Usar esta plantilla</translation>
    </message>
    <message>
        <source>The preview could not be made: %1</source>
        <translation>No se pudo hacer la vista previa: %1</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>Guardar (%1)</translation>
    </message>
    <message>
        <source>%1  (built-in)</source>
        <translation>%1  (incluida)</translation>
    </message>
    <message>
        <source>“%1” is built in and read-only: use Duplicate or Save as to make your own copy.</source>
        <translation>«%1» viene incluida y es de solo lectura: use Duplicar o Guardar como para hacer su propia copia.</translation>
    </message>
    <message>
        <source>“%1” is saved in %2.</source>
        <translation>«%1» está guardada en %2.</translation>
    </message>
    <message>
        <source>Unsaved changes. The preview shows them with the current patient.</source>
        <translation>Cambios sin guardar. La vista previa los muestra con el paciente actual.</translation>
    </message>
    <message>
        <source>A built-in cannot be overwritten: use Save as.</source>
        <translation>Una plantilla incluida no se puede sobrescribir: use Guardar como.</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Nombre de la plantilla:</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>No se guardó. %1</translation>
    </message>
    <message>
        <source>Not saved: %1 (%2). The last saved file is unchanged.</source>
        <translation>No se guardó: %1 (%2). El último archivo guardado no ha cambiado.</translation>
    </message>
    <message>
        <source>Saved “%1” to %2.</source>
        <translation>Se guardó «%1» en %2.</translation>
    </message>
    <message>
        <source>%1 (my clinic)</source>
        <translation>%1 (mi clínica)</translation>
    </message>
    <message>
        <source>Save template as</source>
        <translation>Guardar la plantilla como</translation>
    </message>
    <message>
        <source>Copy of %1</source>
        <translation>Copia de %1</translation>
    </message>
    <message>
        <source>Duplicate template</source>
        <translation>Duplicar la plantilla</translation>
    </message>
    <message>
        <source>Not imported. %1</source>
        <translation>No se importó. %1</translation>
    </message>
    <message>
        <source>Not exported. %1</source>
        <translation>No se exportó. %1</translation>
    </message>
    <message>
        <source>Not exported: %1 (%2).</source>
        <translation>No se exportó: %1 (%2).</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Exportado: %1</translation>
    </message>
    <message>
        <source>Import a clinic template</source>
        <translation>Importar una plantilla de la clínica</translation>
    </message>
    <message>
        <source>Clinic templates (*.toml)</source>
        <translation>Plantillas de la clínica (*.toml)</translation>
    </message>
    <message>
        <source>Export the clinic template</source>
        <translation>Exportar la plantilla de la clínica</translation>
    </message>
    <message>
        <source>Choose the clinic logo</source>
        <translation>Elegir el logotipo de la clínica</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The logo cannot be used: %1</source>
        <translation>No se puede usar el logotipo: %1</translation>
    </message>
    <message>
        <source>Logo downscaled</source>
        <translation>Logotipo reducido</translation>
    </message>
</context>
<context>
    <name>TemplateForm</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Branding</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Clinic text</source>
        <translation>Textos</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Discussion record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nombre de la plantilla</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Standard print</source>
        <translation>Letra normal</translation>
    </message>
    <message>
        <source>Large print (body 16 pt, headings 20 pt+)</source>
        <translation>Letra grande (texto 16 pt, títulos 20 pt o más)</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Márgenes</translation>
    </message>
    <message>
        <source>Language tag (e.g. en, es, en-GB)</source>
        <translation>Etiqueta de idioma (p. ej., en, es, en-GB)</translation>
    </message>
    <message>
        <source>Footer text</source>
        <translation>Texto del pie de página</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Logo file (PNG or JPEG)</source>
        <translation>Archivo del logotipo (PNG o JPEG)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG)</source>
        <translation>Logotipo (PNG o JPEG)</translation>
    </message>
    <message>
        <source>Accent colour (#RRGGBB)</source>
        <translation>Color de acento (#RRGGBB)</translation>
    </message>
    <message>
        <source>Pick colour…</source>
        <translation>Elegir color…</translation>
    </message>
    <message>
        <source>Choose the accent colour from a colour picker</source>
        <translation>Elegir el color de acento en un selector de colores</translation>
    </message>
    <message>
        <source>Print the clinic letterhead (untick for pre-printed paper)</source>
        <translation>Imprimir el membrete de la clínica (desmarque para papel ya impreso)</translation>
    </message>
    <message>
        <source>Order, show or hide, and rename the sections. The evidence sections are locked: they can be hidden or renamed, never changed. The opioid safety section is always shown, under its own heading. Headings for reports in another language: the Languages tab.</source>
        <translation>Ordene, muestre u oculte y cambie el nombre de las secciones. Las secciones de evidencia están bloqueadas: se pueden ocultar o renombrar, nunca cambiar. La sección de seguridad de los opioides siempre se muestra, con su propio título. Títulos para informes en otro idioma: la pestaña Idiomas.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <source>Heading (editable)</source>
        <translation>Título (editable)</translation>
    </message>
    <message>
        <source>New page</source>
        <translation>Página nueva</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Markup: **bold**, *italic*, a line starting with “- ” is a bullet, a blank line starts a new paragraph. Anything else prints as typed.
Placeholders: %1</source>
        <translation>Marcas: **negrita**, *cursiva*, una línea que empieza por «- » es una viñeta, una línea en blanco empieza un párrafo nuevo. Todo lo demás se imprime tal como se escribe.
Marcadores: %1</translation>
    </message>
    <message>
        <source>The monitoring plan&apos;s rows; “week” places each row on the timeline drawing. Its words for reports in another language: the Languages tab.</source>
        <translation>Las filas del plan de controles; «semana» coloca cada fila en el dibujo de la línea de tiempo. Sus textos para informes en otro idioma: la pestaña Idiomas.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Añadir fila</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Quitar fila</translation>
    </message>
    <message>
        <source>Signature lines on the discussion record:</source>
        <translation>Líneas de firma en el registro de la conversación:</translation>
    </message>
    <message>
        <source>Double-click a heading (or select it and press F2) to change what the report prints; leave it empty for the standard heading.</source>
        <translation>Haga doble clic en un título (o selecciónelo y pulse F2) para cambiar lo que imprime el informe; déjelo vacío para el título estándar.</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Color de acento</translation>
    </message>
    <message>
        <source>%1 (evidence, locked)</source>
        <translation>%1 (evidencia, bloqueada)</translation>
    </message>
    <message>
        <source>Editable. Empty = “%1”</source>
        <translation>Editable. Vacío = «%1»</translation>
    </message>
    <message>
        <source>%1 (safety, locked)</source>
        <translation>%1 (seguridad, bloqueada)</translation>
    </message>
    <message>
        <source>Locked: the opioid safety text is in every report. It can be moved, never hidden or renamed.</source>
        <translation>Bloqueada: el texto de seguridad de los opioides está en todos los informes. Se puede mover, nunca ocultar ni renombrar.</translation>
    </message>
</context>
<context>
    <name>TemplateName</name>
    <message>
        <source>Standard Letter</source>
        <translation>Estándar, carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Standard A4</source>
        <translation>Estándar, A4</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Clinician evidence brief</source>
        <translation>Resumen de la evidencia para el equipo clínico</translation>
    </message>
    <message>
        <source>Discussion record only</source>
        <translation>Solo el registro de la conversación</translation>
    </message>
</context>
<context>
    <name>TemplateText</name>
    <message>
        <source>Low-dose naltrexone (LDN) and your MS</source>
        <translation>La naltrexona en dosis bajas (LDN) y su EM</translation>
    </message>
    <message>
        <source>Key points</source>
        <translation>Puntos clave</translation>
    </message>
    <message>
        <source>Why we are talking about LDN with you</source>
        <translation>Por qué hablamos con usted de la LDN</translation>
    </message>
    <message>
        <source>What to expect</source>
        <translation>Qué puede esperar</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Opioid medicines and LDN</source>
        <translation>Los opioides y la LDN</translation>
    </message>
    <message>
        <source>Your choices about LDN</source>
        <translation>Sus opciones sobre la LDN</translation>
    </message>
    <message>
        <source>Your monitoring plan</source>
        <translation>Su plan de controles</translation>
    </message>
    <message>
        <source>Questions you may want to ask</source>
        <translation>Preguntas que quizá quiera hacer</translation>
    </message>
    <message>
        <source>Discussion record</source>
        <translation>Registro de la conversación</translation>
    </message>
    <message>
        <source>Evidence summary (for clinicians)</source>
        <translation>Resumen de la evidencia (para el equipo clínico)</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>Introduction (top of “Why we are talking about LDN”)</source>
        <translation>Introducción (al principio de «Por qué hablamos con usted de la LDN»)</translation>
    </message>
    <message>
        <source>How to get LDN at this clinic (end of the monitoring plan)</source>
        <translation>Cómo conseguir la LDN en esta clínica (al final del plan de controles)</translation>
    </message>
    <message>
        <source>Contact (end of the safety section)</source>
        <translation>Contacto (al final de la sección de seguridad)</translation>
    </message>
    <message>
        <source>After hours (end of the safety section)</source>
        <translation>Fuera de horario (al final de la sección de seguridad)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Intérprete</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>This patient context has changes that are not saved.</source>
        <translation>Este contexto de paciente tiene cambios sin guardar.</translation>
    </message>
    <message>
        <source>Save them before %1?</source>
        <translation>¿Guardarlos antes de %1?</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>¿Recuperar el trabajo sin guardar?</translation>
    </message>
    <message>
        <source>The app did not close normally last time. An autosaved draft was found.</source>
        <translation>La aplicación no se cerró con normalidad la última vez. Se encontró un borrador guardado automáticamente.</translation>
    </message>
    <message>
        <source>Saved %1, %2.

Restore it? (No deletes the draft.)</source>
        <translation>Guardado %1, %2.

¿Restaurarlo? («No» borra el borrador.)</translation>
    </message>
    <message>
        <source>%1 is still &quot;Not recorded&quot;.</source>
        <translation>%1 sigue «Sin registrar».</translation>
    </message>
    <message>
        <source>The report will use neutral wording for it. Choose in the form, or %1 as it is?</source>
        <translation>El informe usará una redacción neutra para este campo. ¿Elige en el formulario, o prefiere %1 tal como está?</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>%1 are still &quot;Not recorded&quot;.</source>
        <translation>%1 siguen «Sin registrar».</translation>
    </message>
    <message>
        <source>The report will use neutral wording for them. Choose in the form, or %1 as it is?</source>
        <translation>El informe usará una redacción neutra para estos campos. ¿Elige en el formulario, o prefiere %1 tal como está?</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>Aún sin registrar</translation>
    </message>
    <message>
        <source>%1 anyway</source>
        <translation>%1 de todos modos</translation>
    </message>
    <message>
        <source>Go back and choose</source>
        <translation>Volver y elegir</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong inside the app. Your form is kept and autosaved; save your work, and please report this with the details below.</source>
        <translation>Algo falló dentro de la aplicación. Su formulario se conserva y se guardó automáticamente; guarde su trabajo y, por favor, informe de este error con los detalles de abajo.</translation>
    </message>
</context>
</TS>
