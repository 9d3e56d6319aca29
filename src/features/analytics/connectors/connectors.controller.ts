import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../platform/auth/auth.decorators.js';
import { ConnectorRegistry, ConnectorStatusDto } from './platform-connector.js';

@ApiTags('analytics')
@Controller('analytics/connectors')
export class ConnectorsController {
  constructor(private readonly connectors: ConnectorRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Which platforms a connector syncs, and which take ingestion only' })
  @Auth()
  @ApiOkResponse({ type: [ConnectorStatusDto], description: 'Each platform: synced by a connector, or ingestion-only (JSON/CSV) and why' })
  status(): ConnectorStatusDto[] {
    return this.connectors.status();
  }
}
