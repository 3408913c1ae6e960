import { defineMessages } from '../../platform/i18n/messages.js';

export const homeMessages = defineMessages(
  {
    title: 'Inicio',
    welcome: (p: { center: string }) => `Bienvenido al portal de turnos de ${p.center}`,
    offTitle: 'Los turnos por internet no están disponibles en este momento',
    offText: 'Para pedir un turno comunicate con el centro:',
    userTitle: 'Ya soy usuario',
    userText: (p: { center: string }) =>
      `Ingresá con esta opción si ya te registraste en la web de ${p.center} y tenés tu usuario y contraseña.`,
    login: 'Ingresar',
    newTitle: 'Nunca me di de alta en esta web',
    newText: (p: { center: string }) =>
      `Si sos paciente de ${p.center} pero nunca generaste tu usuario web, o nunca te atendiste con nosotros, ingresá con esta opción para crear tu usuario y contraseña.`,
    register: 'Registrarse',
    hello: (p: { name: string }) => `Hola, ${p.name}`,
    whatNow: '¿Qué querés hacer?',
    specialties: 'Especialidades y profesionales',
  },
  {
    title: 'Home',
    welcome: (p: { center: string }) => `Welcome to the appointment portal of ${p.center}`,
    offTitle: 'Online booking is not available at the moment',
    offText: 'To book an appointment please contact the center:',
    userTitle: 'I already have an account',
    userText: (p: { center: string }) =>
      `Choose this if you already signed up on the ${p.center} website and have your user and password.`,
    login: 'Log in',
    newTitle: 'I never signed up on this website',
    newText: (p: { center: string }) =>
      `If you are a patient of ${p.center} but never created your web user, or have never been seen here, choose this to create your user and password.`,
    register: 'Sign up',
    hello: (p: { name: string }) => `Hello, ${p.name}`,
    whatNow: 'What would you like to do?',
    specialties: 'Specialties and professionals',
  },
);
