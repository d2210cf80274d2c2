// The sales part of the sample data set: a small product catalog and deals
// spread over the stages of the default pipeline.
#pragma once

#include <vector>

#include "sample/sample_scene.hpp"

namespace crm::detail::sample {

/// Adds the sample products (SKUs "SAMPLE-P-01" ...), priced in euro.
std::vector<Product> make_products(SampleScene& scene);

/// Adds 0 to 3 deals per account (1.5 on average) in the default pipeline,
/// "SAMPLE-O-<n>", moved stage by stage with move_to_stage so that each has
/// its stage history: mostly open, some won, some lost with a lost reason.
/// Amounts are in the account country's currency (every third deal of a
/// British or German account in USD), some made of `products`. A deal has
/// its account's lead source and campaign.
/// Returns the deals as they stand at the end.
std::vector<Opportunity> make_deals(SampleScene& scene, const std::vector<Product>& products);

}  // namespace crm::detail::sample
