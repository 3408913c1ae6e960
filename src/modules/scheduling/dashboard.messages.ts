// Texts of the Tablero (/staff): the figures of today, the week and the last eight weeks.
import { defineMessages } from '../../platform/i18n/messages.js';

type Counts = { total: number; reserved: number; present: number; absent: number; cancelled: number };

export const dashboardMessages = defineMessages(
  {
    title: 'Tablero',
    date: 'Fecha de referencia',
    show: 'Ver',
    weekOf: (p: { from: string; to: string }) => `Semana del ${p.from} al ${p.to}`,
    today: 'Hoy',
    week: 'Esta semana',
    occupancy: 'Ocupación de la agenda',
    webShare: 'Turnos web',
    turnos: (p: { n: number }) => (p.n === 1 ? '1 turno' : `${p.n} turnos`),
    none: '—',
    count: 'Turnos',
    status: 'Estado',
    reserved: 'Reservados',
    present: 'Presentes',
    absent: 'Ausentes',
    cancelled: 'Cancelados',
    todayTitle: 'Turnos de hoy por estado',
    dayTitle: (p: { day: string }) => `Turnos del ${p.day} por estado`,
    weekTitle: 'Turnos de la semana por estado',
    statusSummary: (p: Counts & { when: string }) =>
      `${p.when}: ${p.total === 1 ? '1 turno' : `${p.total} turnos`} (reservados: ${p.reserved}, presentes: ${p.present}, ausentes: ${p.absent}, cancelados: ${p.cancelled}).`,
    occupancyTitle: 'Ocupación por profesional esta semana',
    occupancySummary: (p: { n: number; slots: number; taken: number }) =>
      `${p.n} profesionales con agenda: ${p.taken} de ${p.slots} horarios tomados en total.`,
    professional: 'Profesional',
    rate: 'Ocupación',
    rateText: (p: { percent: number; taken: number; slots: number }) => `${p.percent} % (${p.taken} de ${p.slots})`,
    noOccupancy: 'Ningún profesional tiene agenda esta semana.',
    trendTitle: 'Cancelaciones y ausencias por semana (últimas 8 semanas)',
    trendSummary: (p: { cancelled: number; absent: number; total: number }) =>
      `En las 8 semanas, sobre ${p.total} turnos: cancelaciones ${p.cancelled}, ausencias ${p.absent}.`,
    weekColumn: 'Semana del',
    originTitle: 'Turnos web y del centro esta semana',
    originSummary: (p: { web: number; staff: number; percent: string }) =>
      `${p.web} turnos tomados por internet y ${p.staff} dados en el centro (${p.percent} web).`,
    origin: 'Origen',
    web: 'Web',
    staff: 'Centro',
    shareText: (p: { n: number; percent: string }) => `${p.n} (${p.percent})`,
    originTrend: (p: { web: number; total: number; percent: string }) =>
      `En las últimas 8 semanas, ${p.web} de ${p.total} turnos se tomaron por internet (${p.percent}).`,
  },
  {
    title: 'Dashboard',
    date: 'Reference date',
    show: 'Show',
    weekOf: (p: { from: string; to: string }) => `Week from ${p.from} to ${p.to}`,
    today: 'Today',
    week: 'This week',
    occupancy: 'Agenda occupancy',
    webShare: 'Online bookings',
    turnos: (p: { n: number }) => (p.n === 1 ? '1 appointment' : `${p.n} appointments`),
    none: '—',
    count: 'Appointments',
    status: 'Status',
    reserved: 'Booked',
    present: 'Attended',
    absent: 'Missed',
    cancelled: 'Cancelled',
    todayTitle: "Today's appointments by status",
    dayTitle: (p: { day: string }) => `Appointments on ${p.day} by status`,
    weekTitle: "This week's appointments by status",
    statusSummary: (p: Counts & { when: string }) =>
      `${p.when}: ${p.total === 1 ? '1 appointment' : `${p.total} appointments`} (booked: ${p.reserved}, attended: ${p.present}, missed: ${p.absent}, cancelled: ${p.cancelled}).`,
    occupancyTitle: 'Occupancy per professional this week',
    occupancySummary: (p: { n: number; slots: number; taken: number }) =>
      `${p.n} professionals with office hours: ${p.taken} of ${p.slots} slots taken in all.`,
    professional: 'Professional',
    rate: 'Occupancy',
    rateText: (p: { percent: number; taken: number; slots: number }) => `${p.percent} % (${p.taken} of ${p.slots})`,
    noOccupancy: 'No professional has office hours this week.',
    trendTitle: 'Cancellations and no-shows per week (last 8 weeks)',
    trendSummary: (p: { cancelled: number; absent: number; total: number }) =>
      `In 8 weeks, out of ${p.total} appointments: ${p.cancelled} cancellations, ${p.absent} no-shows.`,
    weekColumn: 'Week from',
    originTitle: 'Online and center bookings this week',
    originSummary: (p: { web: number; staff: number; percent: string }) =>
      `${p.web} booked online and ${p.staff} at the center (${p.percent} online).`,
    origin: 'Origin',
    web: 'Online',
    staff: 'Center',
    shareText: (p: { n: number; percent: string }) => `${p.n} (${p.percent})`,
    originTrend: (p: { web: number; total: number; percent: string }) =>
      `In the last 8 weeks, ${p.web} of ${p.total} appointments were booked online (${p.percent}).`,
  },
);
