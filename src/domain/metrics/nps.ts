// Net Promoter Score from 0–10 survey answers.

/** Promoters answer 9–10, passives 7–8, detractors 0–6. */
export interface NpsTally {
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  score: number;
}

/** NPS = % promoters − % detractors, from −100 to 100. Callers pass whole numbers 0–10, at least one. */
export function netPromoterScore(answers: readonly number[]): NpsTally {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const answer of answers) {
    if (answer >= 9) promoters++;
    else if (answer >= 7) passives++;
    else detractors++;
  }
  const responses = answers.length;
  const score = responses === 0 ? 0 : ((promoters - detractors) / responses) * 100;
  return { promoters, passives, detractors, responses, score };
}
