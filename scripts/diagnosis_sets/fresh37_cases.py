"""Thirty-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh37/
(eight PyTorch ports, six of them checked against a NumPy program of their own, and eight NumPy
programs, six of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is graph networks and recommender models written from scratch in
NumPy and their PyTorch ports: GCN layers with a normalised adjacency (self-loops, the
symmetric D^-1/2 (A + I) D^-1/2, the in-neighbour mean D_in^-1 A^T of a directed graph),
message passing along an edge list (np.add.at, index_add_, scatter_add_, PyG's gcn_norm),
GraphSAGE's mean and max-pooling aggregators over sampled neighbourhoods, GIN-style sums and a
graph-level sum read-out, link prediction from dot products of node embeddings with sampled
negatives and a logistic loss, biased matrix factorisation (user and item tables, user and item
biases, a global mean, Funk-style regularisation), factorisation-machine field offsets into one
shared embedding table, and embedding bags (nn.EmbeddingBag with per-sample weights,
np.add.reduceat over users' segments). fresh37/make_data.py writes the data (the graphs'
edges and sampled neighbourhoods sit beside X and y in the .npz files and are read by the
programs themselves).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh37_cases

Each case:
    id          short name (prefixed PK)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py), fresh/, fresh2/, ..., fresh36/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, written in a
'# fix:' comment beside it) to pass (exit 0) under the same arguments; each correct program
passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh37/"
port, numpy_net = in_folder(F)

CLUB, COAUTHOR, CITATIONS = F + "club.npz", F + "coauthor.npz", F + "citations.npz"
RATINGS, LINKS, MOLECULES = F + "ratings.npz", F + "links.npz", F + "molecules.npz"
FIELDS, BASKETS = F + "fields.npz", F + "baskets.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


def torch_params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--torch-param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PK01_club_gcn_degree_without_self_loop", side="port",
         args=pair("01_club_gcn_numpy.py", "ClubGCN", "01_club_gcn_torch.py", "ClubGCN", "--data", CLUB,
                   *params("W1=lin1.weight.T", "b1=bias1", "W2=lin2.weight.T", "b2=bias2")),
         mechanism="pair: the port's GCN normalisation takes the degrees from the adjacency without its self-loops, "
                   "deg = adj.sum(1) instead of adj_hat.sum(1) with adj_hat = adj + I, while the matrix normalised is "
                   "adj_hat: S_ij = 1 / sqrt((d_i - 1)(d_j - 1)) instead of 1 / sqrt(d_i d_j) (d the degree counting "
                   "the self-loop), every entry of the propagation matrix too large, so both layers' outputs, the "
                   "loss and every gradient differ from the NumPy program's D^-1/2 (A + I) D^-1/2",
         expected=("self-loop", "self loop", "self-loops", "degree", "a + i", "adj_hat", "a_hat", "d^-1/2",
                   "normalis", "normaliz", "adjacency", "symmetric normalization", "symmetric normalisation",
                   "row sum", "adj.sum", "without the self")),
    dict(id="PK02_coauthor_sage_scatter_index", side="port",
         args=pair("02_coauthor_sage_numpy.py", "CoauthorSAGE", "02_coauthor_sage_torch.py", "CoauthorSAGE",
                   "--data", COAUTHOR,
                   *params("params['Ws1']=root1.weight.T", "params['Wn1']=neigh1.weight.T", "params['b1']=root1.bias",
                           "params['W2']=out.weight.T", "params['b2']=out.bias")),
         mechanism="pair: the port's neighbour sum is torch.zeros_like(h).scatter_add_(0, dst.unsqueeze(1), h[src]) "
                   "with the (E, 1) index not expanded to the messages' (E, 5) shape: scatter_add_ only visits the "
                   "positions of its index, so only feature column 0 of each message is added and the other columns "
                   "of the neighbour mean stay zero; the neighbour weight's rows 1..4 get no gradient (np.add.at in "
                   "the NumPy program sums every column)",
         expected=("scatter_add", "scatter add", "index shape", "not expanded", "expand", "expand_as", "unsqueeze",
                   "first column", "column 0", "only one column", "other columns", "neighbour mean", "neighbor mean",
                   "neighbour sum", "neighbor sum", "aggregation", "aggregate")),
    dict(id="PK03_citation_gin_direction", side="port",
         args=pair("03_citation_gin_numpy.py", "CitationGIN", "03_citation_gin_torch.py", "CitationGIN",
                   "--data", CITATIONS,
                   *params("W1=conv1.weight.T", "b1=conv1.bias", "W2=conv2.weight.T", "b2=conv2.bias")),
         mechanism="pair: on the directed citation graph (adj[i, j] = 1 for i -> j) the port propagates with "
                   "h + adj @ h where the NumPy program uses h + A^T h: each paper sums the papers it cites (its "
                   "out-neighbours) instead of the papers citing it (its in-neighbours), the messages flowing "
                   "against the edges' direction in both layers",
         expected=("transpose", "transposed", "a.t", "adj.t", "a^t", "direction", "directed", "reversed", "reverse",
                   "in-neighbo", "out-neighbo", "incoming", "outgoing", "cites", "citing", "edge direction",
                   "adjacency")),
    dict(id="PK04_ratings_mf_table_l2", side="port",
         args=pair("04_ratings_mf_numpy.py", "BiasedMF", "04_ratings_mf_torch.py", "BiasedMF",
                   "--data", RATINGS, "--batch-size", "20",
                   *params("P=P.weight", "Q=Q.weight", "bu=user_bias", "bi=item_bias")),
         mechanism="pair: the port's L2 penalty is REG * (P.weight^2.sum() + Q.weight^2.sum()) / n over the whole "
                   "factor tables where the NumPy program (Funk-style) regularises the rows the batch looks up, "
                   "once per rating, REG * (P(u)^2.sum() + Q(i)^2.sum()) / n: rows absent from the batch get the decay "
                   "gradient 2 REG p / n anyway and a row used k times is decayed once instead of k times (the biases "
                   "and the squared-error part are right)",
         expected=("regulari", "l2", "weight decay", "penalty", "whole table", "entire table", "all rows",
                   "every row", "full table", "embedding table", "rows in the batch", "batch rows", "looked up",
                   "per rating", "occurrence", "p.weight", "q.weight", "decay")),
    dict(id="PK05_coauthor_gcn_bias_propagated", side="port",
         args=pair("05_coauthor_gcn_numpy.py", "CoauthorGCN", "05_coauthor_gcn_torch.py", "CoauthorGCN",
                   "--data", COAUTHOR, *params("W1=W1", "b1=b1", "W2=W2", "b2=b2")),
         mechanism="pair: the port's first graph convolution adds the bias before the propagation, "
                   "S @ (x @ W1 + b1), instead of after it, S @ (x @ W1) + b1: the bias is multiplied by the "
                   "normalised adjacency, node i receiving b1 * sum_j S_ij (the row sums of D^-1/2 (A + I) D^-1/2, "
                   "not 1) instead of b1, and b1's gradient is weighted by those row sums",
         expected=("bias before", "bias after", "before the propagation", "after the propagation", "bias inside",
                   "propagated bias", "bias is propagated", "propagat", "row sum", "row sums", "sum_j",
                   "normalised adjacency", "normalized adjacency", "s @ (x @ w1 + b1)", "aggregation")),
    dict(id="PK06_club_gcn_norm_row_twice", side="port",
         args=pair("06_club_edge_gcn_numpy.py", "ClubEdgeGCN", "06_club_edge_gcn_torch.py", "ClubEdgeGCN",
                   "--data", CLUB,
                   *params("params['W1']=conv1.lin.weight.T", "params['b1']=conv1.bias",
                           "params['W2']=conv2.lin.weight.T", "params['b2']=conv2.bias")),
         mechanism="pair: the port's hand-written gcn_norm multiplies deg^-1/2[row] * deg^-1/2[row], the source "
                   "node's factor twice, instead of deg^-1/2[row] * deg^-1/2[col]: each message j -> i is weighted "
                   "1 / d_j instead of 1 / sqrt(d_i d_j), the propagation (A + I) D^-1 (normalised by the source's "
                   "degree) instead of the symmetric D^-1/2 (A + I) D^-1/2, in both layers",
         expected=("gcn_norm", "deg_inv_sqrt", "[row] * ", "source degree", "source node", "1 / d_j", "1/d_j",
                   "symmetric", "degree", "normalis", "normaliz", "sqrt(d_i d_j)", "edge weight", "column-normalis",
                   "(a + i) d^-1")),
    dict(id="PK07_fields_offsets_leading_zero", side="port",
         args=port("07_fields_ncf_port.py", "Net", "--data", FIELDS,
                   *torch_params("embedding.weight=W1", "hidden_bias=b1", "out.weight=W2.T", "out.bias=b2"),
                   "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="the port's field offsets are np.cumsum(FIELD_DIMS)[:-1] = [6] without the leading 0 "
                   "(torchfm's (0, *np.cumsum(field_dims)[:-1])): the one-element offset broadcasts over both "
                   "fields, so each user id u looks up row 6 + u, an item's row, instead of row u (the item ids, "
                   "shifted by 6, are right); the user rows 0..5 of the shared table (W1) are never used and never "
                   "move, and the item rows take the users' gradients too",
         expected=("offset", "offsets", "cumsum", "leading zero", "leading 0", "field offset", "fields", "user rows",
                   "item rows", "user row", "item row", "wrong row", "wrong rows", "shifted", "lookup",
                   "never updated", "never used")),
    dict(id="PK08_baskets_bag_weights_dropped", side="port",
         args=port("08_baskets_bag_port.py", "Net", "--data", BASKETS,
                   *torch_params("bag.weight=W1", "hidden_bias=b1", "out.weight=W2.T", "out.bias=b2"),
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "momentum", "--lr", "0.2"),
         mechanism="the port calls its nn.EmbeddingBag(mode='sum') without per_sample_weights=counts: every item in "
                   "a user's bag counts once whatever its purchase count, so the pooled profile is the binarised "
                   "(X > 0) W1 instead of X W1 for items bought 2 or 3 times, and the table rows' gradients lack "
                   "the count factor",
         expected=("per_sample_weights", "per-sample weights", "sample weights", "purchase count", "multiplicity",
                   "multiplicities", "binar", "0/1", "weighted", "embeddingbag", "embedding bag", "mode='sum'",
                   "x > 0", "indicator", "counted once")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PK09_coauthor_gcn_power_precedence", side="numpy",
         args=pair("09_coauthor_gcn_numpy.py", "PaperGCN", "09_coauthor_gcn_torch.py", "PaperGCN",
                   "--data", COAUTHOR,
                   *params("W[0]=gc1.weight", "b[0]=gc1.bias", "W[1]=gc2.weight", "b[1]=gc2.bias")),
         mechanism="pair: D^-1/2 is typed deg ** -1/2, which Python parses as (deg ** -1) / 2 = 1 / (2 deg): the "
                   "normalised adjacency is D^-1 (A + I) D^-1 / 4, entries 1 / (4 d_i d_j) instead of "
                   "1 / sqrt(d_i d_j), far too small, in both graph convolutions (the port uses deg.pow(-0.5))",
         expected=("precedence", "** -1/2", "**-1/2", "-1/2", "** -0.5", "pow(-0.5)", "parenthes", "1 / (2 deg)",
                   "1/(2 deg)", "inverse square root", "rsqrt", "degree", "normalis", "normaliz", "d^-1/2")),
    dict(id="PK10_citation_sage_out_degree", side="numpy",
         args=pair("10_citation_sage_numpy.py", "CitationSAGE", "10_citation_sage_torch.py", "CitationSAGE",
                   "--data", CITATIONS,
                   *params("Ws=root.weight.T", "Wn=neigh.weight.T", "b1=root.bias", "W2=head.weight.T",
                           "b2=head.bias")),
         mechanism="pair: the in-neighbour mean P = A^T / deg divides by A.sum(axis=1), each node's out-degree "
                   "(the papers it cites), instead of A.sum(axis=0), its in-degree (the papers citing it, the rows "
                   "of A^T being summed): each node's neighbour sum is scaled by 1 / out-degree, so P's rows do not "
                   "average (sum to indeg / outdeg instead of 1)",
         expected=("axis=1", "axis=0", "out-degree", "in-degree", "outdegree", "indegree", "out degree", "in degree",
                   "degree", "directed", "row sums", "column sums", "mean aggregation", "neighbour mean",
                   "neighbor mean", "normalis", "normaliz", "wrong axis")),
    dict(id="PK11_citation_backward_untransposed", side="numpy",
         args=pair("11_citation_meanconv_numpy.py", "CitationMeanConv", "11_citation_meanconv_torch.py",
                   "CitationMeanConv", "--data", CITATIONS,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the backward pass of the second propagation P H1 sends the gradient back as P @ d instead "
                   "of P.T @ d (the transpose dropped, as if P were symmetric like an undirected GCN's matrix): on "
                   "the directed graph P = D_in^-1 A^T is not symmetric, so the gradient reaching H1, and W1's and "
                   "b1's gradients, are wrong (W2, b2 and the forward pass are right)",
         expected=("transpose", "transposed", "p.t", "p^t", "symmetric", "not symmetric", "asymmetric", "directed",
                   "gradient of the propagation", "propagation", "adjacency", "p @ d", "p.t @ d", "undirected")),
    dict(id="PK12_ratings_item_bias_user_ids", side="numpy",
         args=pair("12_ratings_mf_numpy.py", "MomentumMF", "12_ratings_mf_torch.py", "MomentumMF",
                   "--data", RATINGS, "--batch-size", "20",
                   *params("params['P']=user_factors.weight", "params['Q']=item_factors.weight",
                           "params['b_user']=user_bias.weight", "params['b_item']=item_bias.weight")),
         mechanism="pair: copy-paste slip in the scatter of the item bias's gradient, np.add.at(grads['b_item'], "
                   "(u, 0), d) with the user ids instead of the item ids i: item-bias row k takes the summed error "
                   "of user k's ratings, the items' own errors are lost and rows 12..14 never move (the factor "
                   "tables and the user bias are right)",
         expected=("item bias", "user ids", "user index", "item ids", "item index", "wrong index", "copy-paste",
                   "copy paste", "b_item", "np.add.at", "scatter", "wrong row", "wrong rows", "another row", "(u, 0)",
                   "(i, 0)")),
    dict(id="PK13_club_sage_pool_local_slot", side="numpy",
         args=pair("13_club_sage_pool_numpy.py", "ClubSAGEPool", "13_club_sage_pool_torch.py", "ClubSAGEPool",
                   "--data", CLUB,
                   *params("params['W_pool']=pool.weight.T", "params['b_pool']=pool.bias",
                           "params['W_self']=root.weight.T", "params['W_neigh']=neigh.weight.T",
                           "params['b1']=neigh.bias", "params['W2']=head.weight.T", "params['b2']=head.bias")),
         mechanism="pair: the max-pooling aggregator's backward scatters each feature's gradient to node 'slot', the "
                   "argmax's position (0, 1 or 2) among the three sampled neighbours, instead of NBRS[i, slot], the "
                   "neighbour's node id: every pooled gradient lands on nodes 0..2, so W_pool's and b_pool's "
                   "gradients are wrong (the max in the forward pass and the other parameters are right)",
         expected=("argmax", "slot", "local index", "node id", "neighbour id", "neighbor id", "nbrs", "max pool",
                   "max-pool", "max aggregation", "routed", "routing", "scatter", "wrong node", "wrong row", "w_pool",
                   "sampled neighbo")),
    dict(id="PK14_links_dot_gradient_partner", side="numpy",
         args=pair("14_links_dot_numpy.py", "LinkEmbedding", "14_links_dot_torch.py", "LinkEmbedding",
                   "--data", LINKS, "--batch-size", "14", *params("E=emb.weight", "c=bias")),
         mechanism="pair: copy-paste slip in the dot product's backward: the second node's embedding gets "
                   "ds * e_v, its own vector, instead of ds * e_u, its partner's (d(e_u . e_v)/d e_v = e_u): each "
                   "pair's second end is pushed along itself, the embedding table's gradient is wrong (the bias "
                   "and the first end's gradient are right)",
         expected=("dot product", "partner", "other node", "other end", "e_u", "e_v", "ds * e", "copy-paste",
                   "copy paste", "second node", "own embedding", "own vector", "link prediction")),
    dict(id="PK15_fields_item_rows_offset", side="numpy",
         args=numpy_net("15_fields_ncf_net.py", "FieldsNCF", "--step", "net.train_step(X, y)", "--data", FIELDS,
                        *params("E=W1", "b_hidden=b1", "w_out=W2", "b_out=b2"),
                        "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="the forward pass looks items up at E[N_USERS + item] but the backward scatters their gradient with "
                   "np.add.at(dE, item, ...) without the N_USERS = 6 offset: item k's gradient lands on row k (a "
                   "user's row for k < 6, another item's row otherwise), the item rows that were read get the wrong "
                   "gradients and users 0..5 get the items' gradients on top of their own",
         expected=("offset", "n_users", "item rows", "user rows", "wrong row", "wrong rows", "another row",
                   "np.add.at", "scatter", "lookup", "shifted", "n_users + item", "item index", "item ids")),
    dict(id="PK16_baskets_reduceat_empty", side="numpy",
         args=numpy_net("16_baskets_reduceat_net.py", "BasketBag", "--init", "BasketBag()",
                        "--step", "net.train_step(X, y)", "--data", BASKETS,
                        *params("item_table=W1", "bias=b1", "w=W2", "c=b2"),
                        "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "momentum", "--lr", "0.2"),
         mechanism="the embedding bag sums each user's segment with np.add.reduceat, which for an empty segment "
                   "(starts[i] == starts[i + 1], a user who bought nothing) returns the element at starts[i], the "
                   "next non-empty user's first weighted item row, instead of zeros: the 7 empty baskets get a "
                   "non-zero profile in the forward pass, while the backward scatters nothing from them to the table",
         expected=("reduceat", "empty", "empty segment", "empty bag", "empty basket", "no items", "bought nothing",
                   "segment", "next user", "next row", "starts", "offsets", "indices[i]", "embedding bag")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PKC1_edge_gcn_sparse", side="correct",
         args=pair("correct_01_edge_gcn_numpy.py", "EdgeGCN", "correct_01_edge_gcn_torch.py", "EdgeGCN",
                   "--data", CLUB,
                   *params("params['W1']=lin1.weight.T", "params['b1']=b1", "params['W2']=lin2.weight.T",
                           "params['b2']=b2")),
         mechanism="pair: NumPy GCN as message passing over an edge list with self-loops (coefficients "
                   "1 / sqrt(deg_src deg_dst), np.add.at forward, the same edges reversed for the backward), ReLU "
                   "as np.where, log-softmax by np.logaddexp.reduce, Adam in Kingma and Ba's efficient form; "
                   "against torch.sparse_coo_tensor / torch.sparse.sum / torch.sparse.mm, F.cross_entropy on "
                   "integer labels and torch.optim.Adam", expected=()),
    dict(id="PKC2_sparse_basket_port", side="correct",
         args=port("correct_02_sparse_basket_port.py", "Net", "--data", BASKETS,
                   *torch_params("item_table=W1", "hidden_bias=b1", "out_weight=W2", "out_bias=b2"),
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "nesterov", "--lr", "0.3"),
         mechanism="port: the user-item count matrix turned into a sparse COO tensor and multiplied with "
                   "torch.sparse.mm into a raw (items, hidden) item table (W1 as it is), ReLU, the output through "
                   "torch.addmm on raw (in, out) parameters, the mean BCE from the logit as softplus(z) - y z, "
                   "forward returning probabilities; the kit's NumPy network and Nesterov", expected=()),
    dict(id="PKC3_molecule_sum_readout", side="correct",
         args=pair("correct_03_molecule_readout_numpy.py", "MoleculeGIN", "correct_03_molecule_readout_torch.py",
                   "MoleculeGIN", "--data", MOLECULES, "--batch-size", "8",
                   *params("W1=mlp.weight.T", "b1=mlp.bias", "W2=classifier.weight.T", "b2=classifier.bias")),
         mechanism="pair: graph classification on mini-batches of 7-node graphs, NumPy with the batched (g, 7, 7) "
                   "adjacencies through np.einsum, a GIN sum x + A x, a sum read-out over the nodes and Nesterov in "
                   "torch's form; against a PyG-style port that flattens the batch into one disjoint graph (node "
                   "ids offset per graph, edges from nonzero), sums neighbours and pools graphs with index_add_ "
                   "over a repeat_interleave batch vector, SGD(nesterov=True)", expected=()),
]
