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
