import { Injectable, NotFoundException } from '@nestjs/common';
import { isRowId } from '../../platform/common/http/query.js';
import type { PredictGenreDto, PredictGenreResultDto } from './dto/predict-genre.dto.js';
import { GenrePredictorService, type GenreInput } from './genre-predictor.service.js';
import { GenreStoreService } from './genre-store.service.js';

/** Genre predictions for profiles people type in and for the store's own customers. */
@Injectable()
export class GenreService {
  constructor(
    private readonly predictor: GenrePredictorService,
    private readonly store: GenreStoreService,
  ) {}

  async predictProfile(body: PredictGenreDto): Promise<PredictGenreResultDto> {
    const profile: GenreInput = {
      total_spent: body.total_spent ?? 0,
      total_tracks_bought: body.total_tracks_bought ?? 0,
      genre_spending_ratio: body.genre_spending_ratio ?? 0,
      invoice_count: body.invoice_count ?? 0,
      average_invoice: body.average_invoice ?? 0,
      days_since_last_purchase: body.days_since_last_purchase ?? 0,
      country: body.country?.trim() || null,
      state: body.state?.trim() || null,
      city: body.city?.trim() || null,
    };
    const { genre, confidence, all_probabilities, unknown_places, model_version, explanation } = await this.predictor.predict(profile);
    return { status: 'OK', prediction: { genre, confidence, all_probabilities }, customer_profile: { ...profile }, unknown_places, model_version, explanation };
  }

  /** A stored customer's prediction from their history, with the genre they actually spent most on. */
  async predictCustomer(customerId: number) {
    const customer = isRowId(customerId) ? await this.store.customer(customerId) : null;
    if (!customer) throw new NotFoundException(`Customer ${customerId} not found in the store (schema chinook)`);
    const [profile] = await this.store.profiles(customerId);
    const { customerId: _, topGenre, ...features } = profile!;
    const prediction = await this.predictor.predict(features);
    return {
      status: 'OK',
      customer: {
        id: customer.customerId,
        name: `${customer.firstName} ${customer.lastName}`,
        city: customer.city,
        state: customer.state,
        country: customer.country,
      },
      prediction: { genre: prediction.genre, confidence: prediction.confidence, all_probabilities: prediction.all_probabilities },
      actual_top_genre: topGenre,
      correct: topGenre === null ? null : topGenre === prediction.genre,
      customer_profile: features,
      model_version: prediction.model_version,
      explanation: prediction.explanation,
    };
  }
}
