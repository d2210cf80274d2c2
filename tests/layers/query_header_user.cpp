// A source file that uses the segment catalog: it compiles in the query layer
// and above, and must not compile in a lower layer (storage), whose include
// root has no query/ folder. tests/layers/check_layers.cmake builds it in both.
#include "query/catalog.hpp"

namespace crm::detail {
/// Something to compile: whether contacts are kept in a table of that name.
bool names_contacts(std::string_view table) { return record_table_name(RecordKind::contact) == table; }
}  // namespace crm::detail
