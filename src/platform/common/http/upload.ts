import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  UseInterceptors,
  applyDecorators,
  mixin,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { ApiConsumes, ApiExtension } from '@nestjs/swagger';
import { transformException } from '@nestjs/platform-express/multer/multer/multer.utils.js';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { rm } from 'node:fs/promises';
import { finalize, from, switchMap, type Observable } from 'rxjs';
import { MAX_JSON_DEPTH } from './json-depth.js';

export const MB = 1024 * 1024;

/** The OpenAPI extension of an upload operation saying how many bytes its file may have. */
export const UPLOAD_LIMIT_EXTENSION = 'x-upload-max-bytes';

/** Documents an operation's upload limit (UPLOAD_LIMIT_EXTENSION), for clients and the fuzz suite. */
export const ApiUploadLimit = (maxBytes: number): MethodDecorator => ApiExtension(UPLOAD_LIMIT_EXTENSION, maxBytes);

/** An uploaded file, in a temporary file that is deleted when the request ends. */
export type UploadedTempFile = Express.Multer.File;

function uploadError(error: unknown, field: string, maxBytes: number): Error {
  // A body busboy cannot read (no boundary, cut off, a broken part header) is the client's: 400 as Nest's own FileInterceptor answers it.
  if (!(error instanceof MulterError)) return transformException(error as Error) as Error;
  if (error.code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeException(`${field} is too large: at most ${maxBytes / MB} MB`);
  if (error.code === 'LIMIT_UNEXPECTED_FILE')
    return new BadRequestException(`${error.field ?? 'a file'} is not an expected file field (send the file as ${field})`);
  return new BadRequestException(`Malformed upload: ${error.message}`);
}

/**
 * Accepts one multipart file in `field` (at most `maxBytes`) into a temporary file, with the
 * other form fields as the body; JSON bodies pass through. The temporary file is removed after
 * the handler, whatever happened.
 */
export function FileUpload(field: string, maxBytes: number): MethodDecorator {
  @Injectable()
  class FileUploadInterceptor implements NestInterceptor {
    private readonly upload = multer({
      storage: multer.diskStorage({}),
      // Form field names such as a[b][c] build nested bodies: as shallow as JSON bodies, and no huge sparse arrays.
      limits: { fileSize: maxBytes, files: 1, fields: 50, fieldSize: 64 * 1024, fieldNestingDepth: MAX_JSON_DEPTH, fieldArrayIndexLimit: 1000 },
    }).single(field);

    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const http = context.switchToHttp();
      const request = http.getRequest<Request>();
      const received = new Promise<void>((resolve, reject) =>
        this.upload(request, http.getResponse<Response>(), (error: unknown) => (error ? reject(uploadError(error, field, maxBytes)) : resolve())),
      );
      return from(received).pipe(
        switchMap(() => next.handle()),
        finalize(() => {
          if (request.file?.path) void rm(request.file.path, { force: true });
        }),
      );
    }
  }
  return applyDecorators(
    UseInterceptors(mixin(FileUploadInterceptor) as Type<NestInterceptor>),
    ApiConsumes('multipart/form-data', 'application/json'),
    ApiUploadLimit(maxBytes),
  );
}
