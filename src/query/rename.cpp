#include "query/rename.hpp"

#include "query/catalog.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

class Renamer {
 public:
  Renamer(RecordKind owner, std::string_view from, std::string_view to)
      : owner_(owner), from_(casefold(from)), to_(to) {}

  Filter rename(const Filter& filter, RecordKind scope) {
    FilterNode node = filter.node();
    std::visit([&](auto& condition) { apply(condition, scope); }, node.condition);
    return Filter(std::move(node));
  }

 private:
  void apply(AllOf& all, RecordKind scope) { each(all.terms, scope); }
  void apply(AnyOf& any, RecordKind scope) { each(any.terms, scope); }
  void apply(Negation& negation, RecordKind scope) { negation.term = rename(negation.term, scope); }
  void apply(Comparison& c, RecordKind scope) { operand(c.operand, scope); }
  void apply(Membership& m, RecordKind scope) { operand(m.operand, scope); }
  void apply(Range& r, RecordKind scope) { operand(r.operand, scope); }
  void apply(TextMatch& t, RecordKind scope) { operand(t.operand, scope); }
  void apply(Emptiness& e, RecordKind scope) { operand(e.operand, scope); }
  void apply(BirthdayWithin&, RecordKind) {}
  void apply(Tagged&, RecordKind) {}
  void apply(Related& r, RecordKind) {
    if (r.where) r.where = rename(*r.where, related_kind(r.relation));
  }

  void each(std::vector<Filter>& terms, RecordKind scope) {
    for (Filter& term : terms) term = rename(term, scope);
  }

  void operand(Operand& operand, RecordKind scope) {
    if (operand.where) operand.where = rename(*operand.where, RecordKind::activity);
    const auto dot = operand.field.find('.');
    if (dot != std::string::npos) {
      if (owner_ == RecordKind::account && casefold(operand.field.substr(dot + 1)) == from_)
        operand.field = operand.field.substr(0, dot + 1) + to_;
      return;
    }
    if (scope == owner_ && casefold(operand.field) == from_) operand.field = to_;
  }

  RecordKind owner_;
  std::string from_;
  std::string to_;
};

}  // namespace

Filter rename_field(const Filter& filter, RecordKind scope, RecordKind owner, std::string_view from,
                    std::string_view to) {
  return Renamer(owner, from, to).rename(filter, scope);
}

}  // namespace crm::detail
