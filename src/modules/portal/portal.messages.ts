import { defineMessages } from '../../platform/i18n/messages.js';

/** What every portal page shares: the sections' names and the security questions. */
export const portalMessages = defineMessages(
  {
    portal: 'Portal del paciente',
    sections: 'Secciones del portal',
    home: 'Inicio del portal',
    book: 'Cita online',
    appointments: 'Citas',
    documents: 'Documentos del paciente',
    questionnaires: 'Cuestionarios',
    invoices: 'Mis facturas',
    profile: 'Perfil del usuario',
    logout: 'Cerrar sesión',
    firstSchool: '¿Cómo se llamaba tu primera escuela?',
    motherMaidenName: '¿Cuál es el apellido de soltera de tu madre?',
    firstPet: '¿Cómo se llamaba tu primera mascota?',
    birthCity: '¿En qué ciudad nació tu padre o tu madre?',
    childhoodFriend: '¿Cómo se llamaba tu mejor amigo o amiga de la infancia?',
  },
  {
    portal: 'Patient portal',
    sections: 'Portal sections',
    home: 'Portal home',
    book: 'Book online',
    appointments: 'Appointments',
    documents: 'Patient documents',
    questionnaires: 'Questionnaires',
    invoices: 'My invoices',
    profile: 'User profile',
    logout: 'Log out',
    firstSchool: 'What was the name of your first school?',
    motherMaidenName: "What is your mother's maiden name?",
    firstPet: 'What was the name of your first pet?',
    birthCity: 'In which city was your father or mother born?',
    childhoodFriend: 'What was the name of your best childhood friend?',
  },
);
