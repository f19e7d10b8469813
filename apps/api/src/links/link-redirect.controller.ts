import { Controller, Get, Header, Headers, Param, Redirect, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { LinkRedirects } from '@rounds/domain';
import { Public } from '../common/access.decorators';

/** `GET /l/:code` (outside /api/v1): where a tracked short link sends its visitor. */
@ApiExcludeController()
@Public()
@Controller('l')
export class LinkRedirectController {
  constructor(private readonly redirects: LinkRedirects) {}

  /** 302 to the approved destination; 404 for anything else, never a redirect to a given URL. */
  @Get(':code')
  @Redirect()
  // Each visit comes back here to be counted; nothing of it is stored in the browser.
  @Header('Cache-Control', 'no-store')
  async follow(
    @Param('code') code: string,
    @Req() request: Request,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<{ url: string; statusCode: number }> {
    return { url: await this.redirects.follow(code, request.method, userAgent), statusCode: 302 };
  }
}
