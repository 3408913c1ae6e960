// /me/profile of the JSON API.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses } from '../../platform/http/api.js';
import { sendPhoto } from './profile.reply.js';
import { getPhoto, getProfile, PHOTO_MAX_BYTES, removePhoto, savePhoto, updateProfile } from './profile.service.js';
import { SECURITY_QUESTIONS } from './security-answer.js';

const tags = ['Portal del paciente'];
const security = [{ session: [] }];
const gate =
  'Con la sesión del paciente (401 sin sesión); 403 PORTAL_NOT_ENABLED mientras el centro no habilite su portal.';

const profileOutput = z.object({
  firstName: z.string(),
  lastName: z.string(),
  dni: z.string(),
  email: z.string().nullable(),
  lang: z.enum(['es', 'en']).nullable().describe('null: el idioma del navegador'),
  securityQuestion: z
    .enum(SECURITY_QUESTIONS)
    .nullable()
    .describe('La clave de la pregunta elegida; la respuesta nunca se devuelve (se guarda cifrada)'),
  hasPhoto: z.boolean(),
});

const profileChanges = z
  .object({
    lang: z.enum(['es', 'en']).optional(),
    securityQuestion: z.enum(SECURITY_QUESTIONS).optional(),
    securityAnswer: z.string().max(1000).optional(),
    currentPassword: z.string().max(1000).optional(),
  })
  .strict();

/** Base64 of a photo at the limit, and some room for the rest of the body. */
const PHOTO_BODY_LIMIT = Math.ceil((PHOTO_MAX_BYTES * 2) / 3) * 4 + 4096;

export const portalProfileApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/me/profile',
      {
        schema: {
          tags,
          summary: 'Perfil del usuario',
          description: gate,
          security,
          response: { 200: profileOutput, ...errorResponses },
        },
      },
      async (req) => getProfile(ctx, { actor: req.actor }),
    );

    api.put(
      '/me/profile',
      {
        schema: {
          tags,
          summary: 'Cambiar idioma y/o pregunta de seguridad',
          description:
            `${gate} Sólo los campos enviados. Para cambiar la pregunta de seguridad van juntos securityQuestion, ` +
            'securityAnswer y currentPassword (422 SECURITY_ANSWER_INCOMPLETE si falta alguno, 422 WRONG_PASSWORD ' +
            'si la contraseña no es la actual, con el mismo límite de intentos que la web); si algo falla no se ' +
            'guarda nada. La respuesta se guarda cifrada y nunca se devuelve.',
          security,
          body: profileChanges,
          response: { 200: profileOutput, ...errorResponses },
        },
      },
      async (req) => {
        await updateProfile(ctx, { actor: req.actor, changes: req.body });
        return getProfile(ctx, { actor: req.actor });
      },
    );

    api.get(
      '/me/profile/photo',
      {
        schema: {
          tags,
          summary: 'Mi foto de perfil',
          description: `${gate} 404 si no hay foto. PNG, JPEG o WebP según su contenido; nunca se guarda en caché.`,
          security,
          produces: ['image/png', 'image/jpeg', 'image/webp'],
        },
      },
      async (req, reply) => {
        return sendPhoto(reply, await getPhoto(ctx, { actor: req.actor }));
      },
    );

    api.put(
      '/me/profile/photo',
      {
        bodyLimit: PHOTO_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Poner o reemplazar mi foto de perfil',
          description:
            `${gate} La imagen va en base64 dentro de JSON (la API sólo acepta escrituras JSON), ya recortada ` +
            `cuadrada por la app. PNG, JPEG o WebP según su contenido (422 PHOTO_NOT_IMAGE si no lo es), hasta ` +
            `${PHOTO_MAX_BYTES / (1024 * 1024)} MB (422 PHOTO_TOO_LARGE). La foto anterior se borra.`,
          security,
          body: z.object({
            contentBase64: z
              .string()
              .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'debe ser base64 (A-Z, a-z, 0-9, + y /, sin espacios)'),
          }),
          response: { 200: profileOutput, ...errorResponses },
        },
      },
      async (req) => {
        const bytes = Buffer.from(req.body.contentBase64, 'base64');
        await savePhoto(ctx, { actor: req.actor, bytes });
        return getProfile(ctx, { actor: req.actor });
      },
    );

    api.delete(
      '/me/profile/photo',
      {
        schema: {
          tags,
          summary: 'Quitar mi foto de perfil',
          description: gate,
          security,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await removePhoto(ctx, { actor: req.actor });
        return reply.status(204).send(null);
      },
    );
  });
