// The catalogue of errors a user or integrator can see: a stable code, an HTTP status and a message per language.
import { profileCheckErrors } from './modules/teleconsult/profile-check.errors.js';
import { tokenErrors } from './modules/teleconsult/token.errors.js';
import { verifyErrors } from './modules/teleconsult/verify.errors.js';
import type { Lang } from './platform/i18n/lang.js';

export type { Lang };

export type Params = Record<string, string | number>;
type Message = (p: Params) => string;

/** One error of the catalogue. Modules with many errors keep theirs in a `*.errors.ts` spread below. */
export interface ErrorDef {
  status: number;
  es: Message;
  en: Message;
}

const STATUS_ES: Record<string, string> = {
  reserved: 'reservado',
  present: 'presente',
  absent: 'ausente',
  cancelled: 'cancelado',
  cambiado: 'que otra persona acaba de cambiar',
  reason: 'otro motivo',
  rescheduled: 'otro horario',
};

const catalogue = {
  VALIDATION_ERROR: {
    status: 400,
    es: (p) => `Datos inválidos: ${p.detail}`,
    en: (p) => `Invalid data: ${p.detail}`,
  },
  UNAUTHENTICATED: {
    status: 401,
    es: () => 'Tenés que iniciar sesión, o enviar un token de acceso válido (Authorization: Bearer …).',
    en: () => 'Please log in, or send a valid access token (Authorization: Bearer …).',
  },
  CSRF_FAILED: {
    status: 403,
    es: () => 'El formulario venció o no viene de este sitio. Recargá la página y envialo de nuevo.',
    en: () => 'The form expired or does not come from this site. Reload the page and send it again.',
  },
  FORBIDDEN: {
    status: 403,
    es: () => 'No tenés permiso para esta acción.',
    en: () => 'You are not allowed to do this.',
  },
  NOT_FOUND: {
    status: 404,
    es: (p) => `No existe ${p.what}.`,
    en: (p) => `${p.what} does not exist.`,
  },
  DNI_TAKEN: {
    status: 409,
    es: (p) => `Ya hay un paciente con el DNI ${p.dni}.`,
    en: (p) => `A patient with DNI ${p.dni} already exists.`,
  },
  INVALID_CREDENTIALS: {
    status: 401,
    es: () => 'DNI o contraseña incorrectos.',
    en: () => 'Wrong DNI or password.',
  },
  INVALID_STAFF_CREDENTIALS: {
    status: 401,
    es: () => 'Usuario o contraseña incorrectos.',
    en: () => 'Wrong user name or password.',
  },
  ACCOUNT_EXISTS: {
    status: 409,
    es: () => 'Este paciente ya tiene usuario web: cambiá sus datos desde el listado de pacientes web.',
    en: () => 'This patient already has a web account: change its data from the web patients list.',
  },
  ACCOUNT_ALREADY_ACTIVE: {
    status: 409,
    es: () => 'El usuario web ya está activado: no hace falta el mail de activación.',
    en: () => 'The web account is already activated: the activation e-mail is not needed.',
  },
  EMAIL_MISSING: {
    status: 422,
    es: () => 'El paciente no tiene e-mail: cargalo antes de enviarle el mail.',
    en: () => 'The patient has no e-mail address: add one before sending the e-mail.',
  },
  WRONG_CODE: {
    status: 401,
    es: () => 'El código no es correcto o ya se usó. Escribí el que muestra ahora la aplicación.',
    en: () => 'The code is wrong or was already used. Type the one the app shows now.',
  },
  LAST_ADMIN: {
    status: 409,
    es: () => 'Es el único administrador activo: creá o activá otro administrador antes de cambiarlo.',
    en: () => 'This is the only active administrator: create or activate another one first.',
  },
  ACCOUNT_NOT_ACTIVE: {
    status: 403,
    es: () => 'Tu usuario todavía no está activado: abrí el enlace del mail que te enviamos al registrarte.',
    en: () => 'Your account is not activated yet: open the link in the e-mail we sent when you signed up.',
  },
  LINK_INVALID: {
    status: 410,
    es: () => 'Este enlace no sirve: ya se usó, venció o se pidió uno más nuevo.',
    en: () => 'This link does not work: it was already used, it expired, or a newer one was requested.',
  },
  FORM_EXPIRED: {
    status: 400,
    es: () => 'Pasó demasiado tiempo desde que empezaste. Volvé a escribir tu DNI para seguir.',
    en: () => 'Too much time has passed since you started. Type your DNI again to continue.',
  },
  WRONG_ANSWER: {
    status: 400,
    es: () => 'La respuesta de la cuenta no es correcta. Probá con la nueva cuenta.',
    en: () => 'The answer to the sum is not right. Try the new sum.',
  },
  BIRTH_DATE_MISMATCH: {
    status: 422,
    es: () => 'La fecha de nacimiento no coincide con la que tiene el centro.',
    en: () => 'The date of birth does not match the one the center has.',
  },
  WRONG_PASSWORD: {
    status: 422,
    es: () => 'La contraseña actual no es correcta.',
    en: () => 'The current password is not right.',
  },
  WEAK_PASSWORD: {
    status: 400,
    es: () => 'La contraseña debe tener al menos 8 caracteres y no puede ser tu DNI.',
    en: () => 'The password must have at least 8 characters and cannot be your DNI.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    es: (p) => `Demasiados intentos. Esperá ${p.minutes === 1 ? '1 minuto' : `${p.minutes} minutos`} y volvé a probar.`,
    en: (p) => `Too many attempts. Wait ${p.minutes === 1 ? '1 minute' : `${p.minutes} minutes`} and try again.`,
  },
  SLOT_TAKEN: {
    status: 409,
    es: () => 'Ese horario ya fue tomado. Elegí otro horario libre.',
    en: () => 'That time was just taken. Please choose another free time.',
  },
  REASON_TOO_LONG: {
    status: 422,
    es: (p) => `El motivo es demasiado largo: escribí hasta ${p.max} caracteres.`,
    en: (p) => `The reason is too long: please write at most ${p.max} characters.`,
  },
  REASON_LOCKED: {
    status: 409,
    es: () => 'Solo se puede cambiar el motivo de un turno reservado.',
    en: () => 'The reason can only be changed while the appointment is booked.',
  },
  NOT_IN_AGENDA: {
    status: 422,
    es: () => 'El profesional no atiende en ese horario.',
    en: () => 'The professional does not see patients at that time.',
  },
  IN_THE_PAST: {
    status: 422,
    es: () => 'Ese horario ya pasó.',
    en: () => 'That time is in the past.',
  },
  TOO_FAR_AHEAD: {
    status: 422,
    es: (p) => `Solo se pueden tomar turnos hasta ${p.days} días adelante con este profesional.`,
    en: (p) => `Appointments with this professional can be booked at most ${p.days} days ahead.`,
  },
  LIMIT_PER_DAY: {
    status: 422,
    es: (p) => `Ya tenés ${p.max === 1 ? 'un turno' : `${p.max} turnos`} ese día con este profesional.`,
    en: (p) => `You already have ${p.max} appointment(s) that day with this professional.`,
  },
  LIMIT_FUTURE_PATIENT: {
    status: 422,
    es: (p) =>
      `Ya tenés ${p.max === 1 ? 'un turno pendiente' : `${p.max} turnos pendientes`}, el máximo permitido. Cancelá alguno o comunicate con el centro.`,
    en: (p) => `You already have ${p.max} upcoming appointments, the maximum allowed.`,
  },
  LIMIT_FUTURE_IP: {
    status: 422,
    es: (p) =>
      `Desde esta conexión ya se tomaron ${p.max} turnos pendientes, el máximo permitido. Comunicate con el centro.`,
    en: (p) => `${p.max} upcoming appointments were already booked from this connection, the maximum allowed.`,
  },
  REASON_REQUIRED: {
    status: 422,
    es: () => 'Contanos el motivo del turno.',
    en: () => 'Please give the reason for the appointment.',
  },
  NOT_WEB_ENABLED: {
    status: 422,
    es: (p) => `${p.what} no está disponible para turnos por internet.`,
    en: (p) => `${p.what} is not available for online booking.`,
  },
  WEB_BOOKING_DISABLED: {
    status: 422,
    es: () => 'Los turnos por internet están desactivados. Comunicate con el centro.',
    en: () => 'Online booking is switched off. Please contact the center.',
  },
  PATIENT_DISABLED: {
    status: 422,
    es: (p) => `Tu usuario no puede tomar turnos por internet.${p.note ? ` ${p.note}` : ''}`,
    en: (p) => `Your account cannot book online.${p.note ? ` ${p.note}` : ''}`,
  },
  WRONG_SERVICE: {
    status: 422,
    es: (p) => `El profesional no atiende ${p.what} en ese horario.`,
    en: (p) => `The professional does not offer ${p.what} at that time.`,
  },
  SERVICE_NOT_OFFERED: {
    status: 422,
    es: (p) => `El profesional no atiende ${p.what}: ${p.assign} primero en su ficha y después dale horarios.`,
    en: (p) => `The professional does not offer ${p.what}: assign it first.`,
  },
  SERVICE_REQUIRED: {
    status: 422,
    es: () => 'Indicá la especialidad o el estudio del turno (solo uno).',
    en: () => 'Give the specialty or the study of the appointment (only one).',
  },
  OVERBOOK_STAFF_ONLY: {
    status: 403,
    es: () => 'Solo el personal del centro puede dar sobreturnos.',
    en: () => 'Only staff can add an overbooked appointment.',
  },
  INVALID_TRANSITION: {
    status: 409,
    es: (p) =>
      `Un turno ${STATUS_ES[p.from as string] ?? p.from} no puede pasar a ${STATUS_ES[p.to as string] ?? p.to}.`,
    en: (p) => `An appointment that is ${p.from} cannot become ${p.to}.`,
  },
  ATTENDANCE_TOO_EARLY: {
    status: 409,
    es: () => 'Todavía no es el día del turno: presente o ausente se marca desde ese día.',
    en: () => 'Attendance can be recorded from the day of the appointment.',
  },
  ATTENDANCE_RECORDED: {
    status: 409,
    es: () =>
      'Un turno con asistencia registrada (presente o ausente) no se borra: queda en la historia del paciente. Si se marcó por error, corregí la asistencia primero.',
    en: () =>
      "An appointment with attendance recorded (present or absent) is not deleted: it stays in the patient's history. If it was marked by mistake, correct the attendance first.",
  },
  AGENDA_OVERLAP: {
    status: 409,
    es: () => 'Ese horario se superpone con otro horario de atención del mismo profesional.',
    en: () => 'These working hours overlap other working hours of the same professional.',
  },
  ORPHANED_APPOINTMENTS: {
    status: 409,
    es: (p) =>
      p.count === 1
        ? 'El cambio deja 1 turno reservado fuera de la agenda. Revisalo y confirmá para guardar igual: el turno no se cancela.'
        : `El cambio deja ${p.count} turnos reservados fuera de la agenda. Revisalos y confirmá para guardar igual: los turnos no se cancelan.`,
    en: (p) =>
      `The change leaves ${p.count} booked appointment(s) outside the agenda. Check them and confirm to save anyway: they are not cancelled.`,
  },
  NAME_TAKEN: {
    status: 409,
    es: (p) => `Ya existe ${p.what} con el nombre «${p.name}»: elegí otro nombre.`,
    en: (p) => `${p.what} named «${p.name}» already exists: choose another name.`,
  },
  IN_USE: {
    status: 409,
    es: (p) => `No se puede ${p.action}: ${p.uses}.${p.hint ? ` ${p.hint}` : ''}`,
    en: (p) => `This cannot be done while it is in use (${p.uses}).`,
  },
  // The detail names the offending placeholder exactly as typed ("[[PACIENT]]"), in the reader's language.
  TEMPLATE_INVALID: {
    status: 422,
    es: (p) => `La plantilla no se guardó. ${p.detail}`,
    en: (p) => `The template was not saved. ${p.detail}`,
  },
  RATE_LIMITED: {
    status: 429,
    es: () => 'Demasiados intentos. Esperá un momento y volvé a probar.',
    en: () => 'Too many attempts. Wait a moment and try again.',
  },
  REMINDER_TWIN: {
    status: 409,
    es: () => 'Ya hay un recordatorio automático con esa plantilla y esas horas: cada turno lo recibiría dos veces.',
    en: () => 'An automatic reminder with that template and those hours already exists: each turno would get it twice.',
  },
  // The send desk: a list is sent once; an empty list, an overlong range or a huge list are refused clearly.
  BATCH_ALREADY_SENT: {
    status: 409,
    es: () =>
      'Este listado ya se envió (o se está enviando): no se envía otra vez. Para volver a enviar, generá un listado nuevo.',
    en: () =>
      'This list was already sent (or is being sent): it is not sent again. To send again, generate a new list.',
  },
  BATCH_EMPTY: {
    status: 422,
    es: () => 'El listado no tiene a quién enviar: no quedan filas o sus turnos ya no están reservados.',
    en: () => 'The list has nobody to send to: no rows are left or their turnos are no longer booked.',
  },
  BATCH_RANGE_TOO_LONG: {
    status: 422,
    es: (p) => `El rango de fechas de turnos puede abarcar hasta ${p.max} días: elegí un rango más corto.`,
    en: (p) => `The appointment date range may span at most ${p.max} days: choose a shorter range.`,
  },
  BATCH_TOO_LARGE: {
    status: 422,
    es: (p) => `El listado tendría ${p.count} destinatarios y el máximo por envío es ${p.max}: acotá los filtros.`,
    en: (p) => `The list would have ${p.count} recipients and the maximum per send is ${p.max}: narrow the filters.`,
  },
  // Invoices (portal): `detail`/`detailEn` name the field and what is wrong with it.
  INVOICE_INVALID: {
    status: 400,
    es: (p) => `Revisá los datos de la factura. ${p.detail}`,
    en: (p) => `Check the invoice's data. ${p.detailEn}`,
  },
  INVOICE_TURNO_INVOICED: {
    status: 409,
    es: (p) => `El turno ya tiene la factura N.º ${p.number}: anulala antes de facturarlo de nuevo.`,
    en: (p) => `The appointment already has invoice no. ${p.number}: void it before invoicing it again.`,
  },
  INVOICE_TURNO_CANCELLED: {
    status: 409,
    es: () => 'El turno está cancelado: no se factura.',
    en: () => 'The appointment is cancelled: it cannot be invoiced.',
  },
  INVOICE_VOIDED: {
    status: 409,
    es: (p) => `La factura N.º ${p.number} está anulada: ya no cambia de estado.`,
    en: (p) => `Invoice no. ${p.number} is void: its status no longer changes.`,
  },
  INVOICE_STATUS_UNCHANGED: {
    status: 409,
    es: (p) => `La factura N.º ${p.number} ya está ${p.status === 'paid' ? 'pagada' : 'a pagar'}.`,
    en: (p) => `Invoice no. ${p.number} is already ${p.status === 'paid' ? 'paid' : 'due'}.`,
  },
  // Perfil del usuario: the photo (its type read from its bytes) and the security question.
  PHOTO_MISSING: {
    status: 422,
    es: () => 'Elegí una foto con «Seleccionar archivo» antes de subirla.',
    en: () => 'Choose a photo with "Choose file" before uploading it.',
  },
  PHOTO_NOT_IMAGE: {
    status: 422,
    es: (p) =>
      `${p.name ? `«${p.name}»` : 'El archivo'} no es una imagen PNG, JPEG ni WebP (lo revisamos por su contenido, no por su nombre). Elegí una foto en alguno de esos formatos.`,
    en: (p) =>
      `${p.name ? `"${p.name}"` : 'The file'} is not a PNG, JPEG or WebP image (we check its content, not its name). Choose a photo in one of those formats.`,
  },
  PHOTO_TOO_LARGE: {
    status: 422,
    es: (p) => `La foto pesa más de ${p.mb} MB. Elegí una más liviana.`,
    en: (p) => `The photo is larger than ${p.mb} MB. Choose a smaller one.`,
  },
  SECURITY_ANSWER_INCOMPLETE: {
    status: 422,
    es: (p) =>
      p.missing === 'password'
        ? 'Para cambiar la pregunta de seguridad escribí tu contraseña actual.'
        : p.missing === 'answer'
          ? 'Escribí la respuesta a la pregunta de seguridad (hasta 100 caracteres).'
          : 'Elegí una de las preguntas de seguridad de la lista.',
    en: (p) =>
      p.missing === 'password'
        ? 'To change the security question, type your current password.'
        : p.missing === 'answer'
          ? 'Type the answer to the security question (up to 100 characters).'
          : 'Choose one of the security questions from the list.',
  },
  // Portal activation and first access: staff are told exactly what the record lacks; the patient how many
  // tries are left, and that a link dies after too many wrong ones.
  // Logging in with the e-mail (a portal patient's user name): one answer for any failure, as with the DNI.
  INVALID_EMAIL_CREDENTIALS: {
    status: 401,
    es: () => 'E-mail o contraseña incorrectos.',
    en: () => 'Wrong e-mail or password.',
  },
  PORTAL_DATA_MISSING: {
    status: 422,
    // The lists come written in both languages from the portal module ("un e-mail válido y un celular válido").
    es: (p) => `Para habilitar el portal, cargá en la ficha ${p.needsEs} y guardá los cambios.`,
    en: (p) => `To enable the portal, add ${p.needsEn} to the record and save it.`,
  },
  PORTAL_EMAIL_TAKEN: {
    status: 409,
    es: (p) =>
      `El e-mail ${p.email} ya es el usuario del portal de ${p.name} (DNI ${p.dni}): cada paciente del portal necesita su propio e-mail. Cargá otro en esta ficha.`,
    en: (p) =>
      `The e-mail ${p.email} is already the portal user of ${p.name} (DNI ${p.dni}): each portal patient needs an e-mail of their own. Enter another one in this record.`,
  },
  PORTAL_FIRST_ACCESS_DONE: {
    status: 409,
    es: () =>
      'El paciente ya hizo su primer acceso al portal. Si olvidó la contraseña, que entre en «¿Olvidaste tu contraseña?» ' +
      'de Ingresar: le va a pedir también su respuesta de seguridad.',
    en: () =>
      'The patient already completed the first access to the portal. If they forgot the password, they should use ' +
      '"Forgot your password?" on the login page: it also asks their security answer.',
  },
  PORTAL_OFF_FOR_PATIENT: {
    status: 409,
    es: () => 'El portal de este paciente está deshabilitado: habilitalo para enviarle el mail de acceso.',
    en: () => "This patient's portal is disabled: enable it to send the access e-mail.",
  },
  FIRST_ACCESS_MISMATCH: {
    status: 400,
    es: (p) =>
      `Los datos no coinciden con los de tu ficha en el centro. Revisalos: ${p.left === 1 ? 'te queda 1 intento' : `te quedan ${p.left} intentos`}.`,
    en: (p) =>
      `These details do not match your record at the center. Please check them: ${p.left === 1 ? '1 try left' : `${p.left} tries left`}.`,
  },
  FIRST_ACCESS_LOCKED: {
    status: 410,
    es: () =>
      'Los datos no coincidieron demasiadas veces y el enlace dejó de servir. Pedile al centro que te envíe un mail nuevo de acceso al portal.',
    en: () =>
      'The details did not match too many times and the link stopped working. Ask the center to send you a new portal access e-mail.',
  },
  FIRST_ACCESS_DATA_MISSING: {
    status: 409,
    es: (p) =>
      `El centro no tiene cargado ${p.check === 'dni_tramite' ? 'tu número de trámite del DNI' : 'tu fecha de nacimiento'}, que hace falta para validar tu identidad. Comunicate con el centro para que lo carguen y te envíen un mail nuevo.`,
    en: (p) =>
      `The center does not have ${p.check === 'dni_tramite' ? 'the procedure number (número de trámite) of your DNI' : 'your date of birth'} on file, which is needed to check who you are. Please contact the center so they add it and send you a new e-mail.`,
  },
  SECURITY_ANSWER_WRONG: {
    status: 400,
    es: (p) =>
      `La respuesta de seguridad no es la que guardaste: ${p.left === 1 ? 'te queda 1 intento' : `te quedan ${p.left} intentos`}.`,
    en: (p) => `The security answer is not the one you saved: ${p.left === 1 ? '1 try left' : `${p.left} tries left`}.`,
  },
  SECURITY_ANSWER_LOCKED: {
    status: 410,
    es: () =>
      'La respuesta de seguridad no coincidió demasiadas veces y el enlace dejó de servir. Podés pedir otro mañana, o comunicarte con el centro.',
    en: () =>
      'The security answer did not match too many times and the link stopped working. You can ask for another one tomorrow, or contact the center.',
  },
  // Documents: what is wrong with an upload, said of the file the person chose (sizes come in MB).
  FILE_MISSING: {
    status: 400,
    es: () => 'Elegí el archivo que querés subir.',
    en: () => 'Choose the file you want to upload.',
  },
  FILE_TOO_LARGE: {
    status: 413,
    es: (p) =>
      p.size
        ? `El archivo pesa ${Number(p.size).toLocaleString('es-AR')} MB; el máximo es ${Number(p.max).toLocaleString('es-AR')} MB.`
        : `El archivo pesa más de ${Number(p.max).toLocaleString('es-AR')} MB, que es el máximo.`,
    en: (p) =>
      p.size
        ? `The file is ${Number(p.size).toLocaleString('en')} MB; the maximum is ${Number(p.max).toLocaleString('en')} MB.`
        : `The file is larger than ${Number(p.max).toLocaleString('en')} MB, the maximum.`,
  },
  FILE_TYPE_NOT_ACCEPTED: {
    status: 422,
    es: (p) => `«${p.name}» no es de un tipo que el centro acepte: subí un PDF o una imagen JPG, PNG, WEBP o GIF.`,
    en: (p) => `«${p.name}» is not a type the center accepts: upload a PDF or a JPG, PNG, WEBP or GIF image.`,
  },
  FILE_CONTENT_MISMATCH: {
    status: 422,
    es: (p) => `«${p.name}» dice ser ${p.claimedEs}, pero su contenido ${p.actualEs}. Subí el archivo original.`,
    en: (p) => `«${p.name}» claims to be ${p.claimedEn}, but its content ${p.actualEn}. Upload the original file.`,
  },
  DOCUMENT_FROM_CENTER: {
    status: 403,
    es: () => 'Este documento lo subió el centro: sólo podés borrar los documentos que subiste vos.',
    en: () => 'The center uploaded this document: you can only delete the documents you uploaded.',
  },
  DOCUMENT_NOT_YOURS: {
    status: 403,
    es: () => 'Sólo podés borrar los documentos que subiste vos; pedíselo a recepción o a la administración.',
    en: () => 'You can only delete the documents you uploaded; ask the front desk or an administrator.',
  },
  DOCUMENT_FILE_MISSING: {
    status: 404,
    es: (p) =>
      `El archivo del documento ${p.id} no está en el almacenamiento de archivos del centro. Avisale al centro.`,
    en: (p) => `The file of document ${p.id} is not in the center's file storage. Please tell the center.`,
  },
  TURNO_NOT_OF_PATIENT: {
    status: 422,
    es: (p) => `El turno ${p.id} no es de este paciente: elegí uno de la lista.`,
    en: (p) => `Appointment ${p.id} is not this patient's: choose one from the list.`,
  },
  // Questionnaires: answered once; staff ask one at a time of each patient.
  QUESTIONNAIRE_INCOMPLETE: {
    status: 422,
    es: (p) =>
      Number(p.count) === 1
        ? 'Hay 1 respuesta para revisar: está marcada junto a su pregunta.'
        : `Hay ${p.count} respuestas para revisar: están marcadas junto a sus preguntas.`,
    en: (p) =>
      Number(p.count) === 1
        ? '1 answer needs checking: it is marked next to its question.'
        : `${p.count} answers need checking: they are marked next to their questions.`,
  },
  QUESTIONNAIRE_ALREADY_SENT: {
    status: 409,
    es: () =>
      'Este cuestionario ya se envió: no se puede cambiar ni enviar otra vez. Las respuestas enviadas siguen igual.',
    en: () =>
      'This questionnaire was already sent: it cannot be changed or sent again. The answers sent stay as they were.',
  },
  QUESTIONNAIRE_ALREADY_ASKED: {
    status: 409,
    es: (p) => `El paciente ya tiene pendiente el cuestionario «${p.title}»: se puede pedir otra vez cuando lo envíe.`,
    en: (p) => `The patient already has the questionnaire “${p.title}” pending: it can be asked again once sent.`,
  },
  QUESTIONNAIRE_NOT_ASKABLE: {
    status: 422,
    es: (p) => `El cuestionario «${p.title}» está desactivado o no tiene preguntas: no se puede pedir.`,
    en: (p) => `The questionnaire “${p.title}” is inactive or has no questions: it cannot be asked.`,
  },
  // A patient's own e-mail change onto another portal patient's user name: unlike PORTAL_EMAIL_TAKEN (staff), it
  // must not name that other patient.
  EMAIL_CHANGE_PORTAL_TAKEN: {
    status: 409,
    es: () =>
      'Ese e-mail ya es el usuario del portal de otro paciente del centro, y cada paciente del portal necesita su ' +
      'propio e-mail. Tu e-mail no cambió: elegí otro en Mis datos, o consultá en el centro.',
    en: () =>
      'That e-mail address is already the patient portal user name of another patient of the center, and each ' +
      'portal patient needs an address of their own. Your e-mail did not change: choose another one in My details, ' +
      'or ask the center.',
  },
  PORTAL_NOT_ENABLED: {
    status: 403,
    es: () => 'El centro todavía no habilitó tu portal del paciente. Pedíselo en recepción.',
    en: () => 'The center has not enabled your patient portal yet. Ask at the front desk.',
  },
  ...tokenErrors,
  ...verifyErrors,
  ...profileCheckErrors,
  INTERNAL: {
    status: 500,
    es: () => 'Ocurrió un error inesperado. Ya quedó registrado; probá de nuevo en unos minutos.',
    en: () => 'Something went wrong. It was logged; please try again in a few minutes.',
  },
} satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof catalogue;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
  ) {
    super(catalogue[code].es(params));
    this.name = 'AppError';
    this.status = catalogue[code].status;
  }

  messageIn(lang: Lang): string {
    return catalogue[this.code][lang](this.params);
  }
}

export function errorMessage(code: ErrorCode, lang: Lang, params: Params = {}): string {
  return catalogue[code][lang](params);
}

export function errorStatus(code: ErrorCode): number {
  return catalogue[code].status;
}
