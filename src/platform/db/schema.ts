// Row types as Kysely sees them through CamelCasePlugin (columns are snake_case in SQL).
// Flags are integers 0/1 on both databases; instants are ISO-8601 UTC strings; dates YYYY-MM-DD.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type SelectionMode = 'BY_SPECIALTY' | 'BY_STUDY';
export type AppointmentStatus = 'reserved' | 'present' | 'absent' | 'cancelled';
export type AppointmentOrigin = 'web' | 'staff';
export type StaffRole = 'admin' | 'reception' | 'professional';
export type Sex = 'F' | 'M' | 'X';
export type ExceptionKind = 'leave' | 'holiday' | 'block';
export type PortalIdentityCheck = 'birth_date' | 'dni_tramite';
export type TokenAlgorithm = 'sha1' | 'sha256' | 'sha512';
export type TokenCodeKind = 'dynamic' | 'printed';

export interface CenterSettingsTable {
  id: number;
  name: string;
  welcomePhrase: string;
  webAddress: string;
  contactEmail: string;
  phones: string;
  contactHours: string;
  timeZone: string;
  webBookingEnabled: number;
  webUserLabel: string;
  webAppointmentType: string;
  selectionMode: SelectionMode;
  maxPerDayProfessional: number;
  maxFuturePerPatient: number;
  maxFuturePerIp: number;
  reasonRequired: number;
  mailPhrase: string;
  /** Street address, for [[DIRECCION]]. */
  address: string;
  /** What the portal's first access asks to prove identity. */
  portalIdentityCheck: PortalIdentityCheck;
  /** The patients' teleconsultation token: 6 to 8 digits, a new code every 30 or 60 s. */
  tokenDigits: number;
  tokenStepSeconds: number;
  tokenAlgorithm: TokenAlgorithm;
  /** "Actualizá tus datos" asked once of each portal patient who enters after this was turned on. */
  profileCheckEnabled: number;
  profileCheckEnabledAt: string | null;
  updatedAt: string;
}

export interface SpecialtiesTable {
  id: Generated<number>;
  name: string;
  webName: string;
  webEnabled: Generated<number>;
}

export interface StudiesTable {
  id: Generated<number>;
  name: string;
  indication: Generated<string>;
  webEnabled: Generated<number>;
}

export interface InsurersTable {
  id: Generated<number>;
  name: string;
  webName: string;
  webEnabled: Generated<number>;
  selfPay: Generated<number>;
  generalMessage: Generated<string>;
  bookingMessage: Generated<string>;
}

export interface ProfessionalsTable {
  id: Generated<number>;
  lastName: string;
  firstName: string;
  licenceNumber: Generated<string>;
  webEnabled: Generated<number>;
  generalMessage: Generated<string>;
  bookingMessage: Generated<string>;
  maxDaysAhead: Generated<number>;
  /** Where a patient's token is mailed for a teleconsultation ('' : none). */
  email: Generated<string>;
}

export interface ProfessionalSpecialtiesTable {
  professionalId: number;
  specialtyId: number;
}

export interface ProfessionalStudiesTable {
  professionalId: number;
  studyId: number;
}

export interface AgendasTable {
  id: Generated<number>;
  professionalId: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  specialtyId: number | null;
  studyId: number | null;
  validFrom: string;
  validTo: string | null;
}

export interface ScheduleExceptionsTable {
  id: Generated<number>;
  /** null: the whole center (a holiday). */
  professionalId: number | null;
  fromDate: string;
  toDate: string;
  /** null times: the whole day. */
  fromTime: string | null;
  toTime: string | null;
  kind: ExceptionKind;
  reason: Generated<string>;
}

export interface PatientsTable {
  id: Generated<number>;
  dni: string;
  lastName: string;
  firstName: string;
  sex: Sex | null;
  birthDate: string | null;
  email: string | null;
  mobile: string | null;
  address: Generated<string>;
  insurerId: number | null;
  memberNumber: Generated<string>;
  disabled: Generated<number>;
  disabledNote: Generated<string>;
  /** The trámite number printed on the DNI card ('' when not on file). */
  dniTramite: Generated<string>;
  /** The center enabled the patient portal for this patient ("Portal del paciente" on the record). */
  portalEnabled: Generated<number>;
  portalEnabledAt: string | null;
  /** The insurer's plan, printed on the credential. */
  insurancePlan: Generated<string>;
  /** When the patient confirmed "Actualizá tus datos" in the portal. */
  profileConfirmedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AppointmentsTable {
  id: Generated<number>;
  professionalId: number;
  specialtyId: number | null;
  studyId: number | null;
  patientId: number;
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  origin: AppointmentOrigin;
  typeLabel: string;
  reason: Generated<string>;
  insurerId: number | null;
  bookedAt: string;
  bookedIp: string | null;
  bookedBy: string;
  cancelledAt: string | null;
  cancelledBy: string | null;
  overbook: Generated<number>;
  updatedAt: string;
  /** When the patient confirmed attendance from a reminder's link. */
  confirmedAt: string | null;
  /** Held by video: the patient confirms it with a token instead of a signature. */
  teleconsult: Generated<number>;
  /** The video call's address, any platform ('' : not given yet). */
  videoUrl: Generated<string>;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  role: StaffRole;
  professionalId: number | null;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface StaffUsersTable {
  id: Generated<number>;
  username: string;
  email: string | null;
  name: string;
  role: StaffRole;
  professionalId: number | null;
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
  active: Generated<number>;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorRef: string;
  actorName: string;
  action: string;
  patientId: number | null;
  target: Generated<string>;
  ip: Generated<string>;
  detail: Generated<string>;
}

export interface WebAccountsTable {
  patientId: number;
  passwordHash: string;
  /** null until the patient opens the activation link (or staff tick "activado"). */
  activatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  securityQuestion: Generated<string>;
  /** argon2id of the normalized answer; '' when none was set. */
  securityAnswerHash: Generated<string>;
  /** 'es' | 'en' | '' (the browser's choice). */
  lang: Generated<string>;
  /** The square profile photo in the file store; '' when none. */
  photoKey: Generated<string>;
}

export type SessionSubject = 'patient' | 'staff';

export interface SessionsTable {
  idHash: string;
  subjectKind: SessionSubject;
  subjectId: number;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end, however active the session is. */
  expiresAt: string;
}

export type TokenPurpose = 'activation' | 'password_reset' | 'email_change' | 'portal_access';

export interface OneTimeTokensTable {
  tokenHash: string;
  purpose: TokenPurpose;
  patientId: number;
  /** email_change: the new address. */
  payload: Generated<string>;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface RateLimitsTable {
  key: string;
  windowStart: string;
  hits: number;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled';
export type MessageChannel = 'mail' | 'sms' | 'whatsapp';

export interface OutboxTable {
  id: Generated<number>;
  channel: MessageChannel;
  kind: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: Generated<string>;
  /** JSON: [{ filename, contentType, base64 }]. */
  attachments: Generated<string>;
  messageId: string;
  patientId: number | null;
  appointmentId: number | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastError: Generated<string>;
  createdAt: string;
  sentAt: string | null;
  batchId: number | null;
  templateId: number | null;
  reminderRuleId: number | null;
  sentBy: Generated<string>;
  deadlineAt: string | null;
  /** JSON; WhatsApp: { name, language, bodyParameters }. */
  payload: Generated<string>;
  /** The provider's id of the accepted message (SMS, WhatsApp). */
  providerId: Generated<string>;
}

export interface MessageChannelsTable {
  channel: MessageChannel;
  provider: string;
  /** JSON of the provider's plain settings. */
  settings: Generated<string>;
  sealedSecret: string | null;
  updatedAt: string;
  updatedBy: Generated<string>;
}

export interface MessageTemplatesTable {
  id: Generated<number>;
  channel: MessageChannel;
  title: string;
  body: string;
  waTemplate: Generated<string>;
  waLanguage: Generated<string>;
  createdAt: string;
  updatedAt: string;
}

export type MessageAudience = 'appointments' | 'patients';

export interface MessageBatchesTable {
  id: Generated<number>;
  templateId: number;
  channel: MessageChannel;
  audience: MessageAudience;
  /** JSON of the desk's filters, as chosen. */
  filters: string;
  status: 'draft' | 'queued';
  /** JSON: how many patients were left out of the list, by reason. */
  leftOut: Generated<string>;
  createdByRef: string;
  createdByName: string;
  createdAt: string;
  queuedAt: string | null;
}

export interface MessageBatchRowsTable {
  id: Generated<number>;
  batchId: number;
  patientId: number;
  appointmentId: number | null;
  recipient: string;
  removed: Generated<number>;
}

export interface ReminderRulesTable {
  id: Generated<number>;
  templateId: number;
  hoursBefore: number;
  enabled: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export type DocumentSource = 'patient' | 'center';
export type DocumentCategory = 'report' | 'questionnaire' | 'document' | 'image';

export interface PatientDocumentsTable {
  id: Generated<number>;
  patientId: number;
  appointmentId: number | null;
  source: DocumentSource;
  category: DocumentCategory;
  description: Generated<string>;
  /** As the uploader named it (shown and offered on download, never used as a path). */
  fileName: string;
  /** Read from the bytes, not from what the browser said. */
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedByRef: string;
  uploadedByName: string;
  createdAt: string;
}

export type QuestionKind = 'text' | 'choice' | 'yes_no' | 'date' | 'scale';
export type QuestionnaireRequestStatus = 'pending' | 'draft' | 'submitted';

export interface QuestionnairesTable {
  id: Generated<number>;
  title: string;
  intro: Generated<string>;
  specialtyId: number | null;
  studyId: number | null;
  active: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface QuestionnaireQuestionsTable {
  id: Generated<number>;
  questionnaireId: number;
  position: number;
  kind: QuestionKind;
  label: string;
  help: Generated<string>;
  required: Generated<number>;
  /** JSON array of strings (choice questions). */
  choices: Generated<string>;
  scaleMin: number | null;
  scaleMax: number | null;
}

export interface QuestionnaireRequestsTable {
  id: Generated<number>;
  questionnaireId: number;
  patientId: number;
  appointmentId: number | null;
  status: QuestionnaireRequestStatus;
  /** JSON: the answers, each with its question's text as asked. */
  answers: Generated<string>;
  requestedBy: string;
  requestedAt: string;
  savedAt: string | null;
  submittedAt: string | null;
}

export type InvoiceStatus = 'due' | 'paid' | 'void';

export interface InvoicesTable {
  id: Generated<number>;
  number: number;
  patientId: number;
  appointmentId: number | null;
  issuedOn: string;
  customerName: string;
  customerDni: string;
  insurerId: number | null;
  insurerName: Generated<string>;
  memberNumber: Generated<string>;
  insurerCents: number;
  patientCents: number;
  totalCents: number;
  status: InvoiceStatus;
  paidAt: string | null;
  voidReason: Generated<string>;
  createdByRef: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

export interface InvoiceLinesTable {
  id: Generated<number>;
  invoiceId: number;
  position: number;
  concept: string;
  quantity: number;
  unitCents: number;
  insurerCents: number;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface AppSecretsTable {
  name: string;
  value: string;
}

export interface PatientTokenSecretsTable {
  patientId: number;
  secretSealed: string;
  /** The newest TOTP step already used (-1: none). */
  lastCounter: Generated<number>;
  lockedUntil: string | null;
  createdAt: string;
}

export interface TokenSeriesTable {
  id: Generated<number>;
  patientId: number;
  codeCount: number;
  validUntil: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface TokenSeriesCodesTable {
  id: Generated<number>;
  seriesId: number;
  /** 1-based, as printed on the sheet. */
  position: number;
  codeHash: string;
  codeSealed: string;
  usedAt: string | null;
}

export interface TeleconsultConformitiesTable {
  id: Generated<number>;
  patientId: number;
  appointmentId: number | null;
  codeKind: TokenCodeKind;
  totpCounter: number | null;
  seriesCodeId: number | null;
  verifiedAt: string;
  verifiedByRef: string;
  verifiedByName: string;
  via: 'staff' | 'api';
}

export interface TokenFailuresTable {
  id: Generated<number>;
  patientId: number | null;
  dni: string;
  appointmentId: number | null;
  reason: string;
  at: string;
  actorRef: string;
  actorName: string;
  ip: Generated<string>;
}

export interface PatientDataChangesTable {
  id: Generated<number>;
  patientId: number;
  field: string;
  oldValue: string;
  newValue: string;
  changedAt: string;
  changedByRef: string;
  changedByName: string;
}

export interface DB {
  centerSettings: CenterSettingsTable;
  specialties: SpecialtiesTable;
  studies: StudiesTable;
  insurers: InsurersTable;
  professionals: ProfessionalsTable;
  professionalSpecialties: ProfessionalSpecialtiesTable;
  professionalStudies: ProfessionalStudiesTable;
  agendas: AgendasTable;
  scheduleExceptions: ScheduleExceptionsTable;
  patients: PatientsTable;
  appointments: AppointmentsTable;
  apiTokens: ApiTokensTable;
  webAccounts: WebAccountsTable;
  sessions: SessionsTable;
  oneTimeTokens: OneTimeTokensTable;
  rateLimits: RateLimitsTable;
  outbox: OutboxTable;
  appSecrets: AppSecretsTable;
  staffUsers: StaffUsersTable;
  auditLog: AuditLogTable;
  messageChannels: MessageChannelsTable;
  messageTemplates: MessageTemplatesTable;
  messageBatches: MessageBatchesTable;
  messageBatchRows: MessageBatchRowsTable;
  reminderRules: ReminderRulesTable;
  patientDocuments: PatientDocumentsTable;
  questionnaires: QuestionnairesTable;
  questionnaireQuestions: QuestionnaireQuestionsTable;
  questionnaireRequests: QuestionnaireRequestsTable;
  invoices: InvoicesTable;
  invoiceLines: InvoiceLinesTable;
  counters: CountersTable;
  patientTokenSecrets: PatientTokenSecretsTable;
  tokenSeries: TokenSeriesTable;
  tokenSeriesCodes: TokenSeriesCodesTable;
  teleconsultConformities: TeleconsultConformitiesTable;
  tokenFailures: TokenFailuresTable;
  patientDataChanges: PatientDataChangesTable;
}

export type CenterSettings = Selectable<CenterSettingsTable>;
export type Specialty = Selectable<SpecialtiesTable>;
export type Study = Selectable<StudiesTable>;
export type Insurer = Selectable<InsurersTable>;
export type Professional = Selectable<ProfessionalsTable>;
export type Agenda = Selectable<AgendasTable>;
export type NewAgenda = Insertable<AgendasTable>;
export type ScheduleException = Selectable<ScheduleExceptionsTable>;
export type NewScheduleException = Insertable<ScheduleExceptionsTable>;
export type Patient = Selectable<PatientsTable>;
export type NewPatient = Insertable<PatientsTable>;
export type PatientUpdate = Updateable<PatientsTable>;
export type Appointment = Selectable<AppointmentsTable>;
export type MessageTemplate = Selectable<MessageTemplatesTable>;
export type MessageBatch = Selectable<MessageBatchesTable>;
export type ReminderRule = Selectable<ReminderRulesTable>;
export type NewAppointment = Insertable<AppointmentsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type WebAccount = Selectable<WebAccountsTable>;
export type StaffUser = Selectable<StaffUsersTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Session = Selectable<SessionsTable>;
export type OneTimeToken = Selectable<OneTimeTokensTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type PatientDocument = Selectable<PatientDocumentsTable>;
export type Questionnaire = Selectable<QuestionnairesTable>;
export type QuestionnaireQuestion = Selectable<QuestionnaireQuestionsTable>;
export type QuestionnaireRequest = Selectable<QuestionnaireRequestsTable>;
export type Invoice = Selectable<InvoicesTable>;
export type InvoiceLine = Selectable<InvoiceLinesTable>;
export type NewOutboxMessage = Insertable<OutboxTable>;
