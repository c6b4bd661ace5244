"""Ninety-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh97/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is graph neural networks written by hand on small graphs, the graph fixed data each
program loads in __init__. A two-layer GCN for node classification on one undirected citation
graph: the symmetric normalised adjacency with self-loops D^-1/2 (A + I) D^-1/2 times H times W,
ReLU, softmax cross-entropy over the labelled (train_mask) nodes only, Adam with an L2 term on the
weights only (torch.optim.Adam weight_decay on a parameter group); a two-layer GraphSAGE (mean
aggregator) on a directed follower graph: each node's own features concatenated with the mean of
its in-neighbours' (P = D_in^-1 A, not symmetric, so the backward uses P^T), ReLU, softmax
cross-entropy over all nodes, SGD with heavy-ball momentum, weight decay on the weights only and a
StepLR schedule; and graph-level regression on a dense zero-padded batch of 12 small molecules:
one graph convolution with tanh and a node mask, a mean readout over each graph's real nodes, a
ReLU MLP head, mean squared error, global-norm gradient clipping and RMSprop. fresh97/make_data.py
writes the data (citation.npz, follows.npz, molecules.npz).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh97_cases

Each case:
    id          short name (prefixed RS)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Every case passes --grads net.grads: the NumPy programs make their grads dict in train_step, so
the gradients are compared from step 1.

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh97/"

CITATION, FOLLOWS, MOLECULES = F + "citation.npz", F + "follows.npz", F + "molecules.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", "--grads", "net.grads", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


GCN = ("--data", CITATION)
GCN_PARAMS = params("params['W1']=conv1.lin.weight.T", "params['b1']=conv1.lin.bias",
                    "params['W2']=conv2.lin.weight.T", "params['b2']=conv2.lin.bias")
GCN_ALT_PARAMS = params("layers[0]['W']=conv1.lin.weight.T", "layers[0]['b']=conv1.lin.bias",
                        "layers[1]['W']=conv2.lin.weight.T", "layers[1]['b']=conv2.lin.bias")
SAGE = ("--data", FOLLOWS)
SAGE_PARAMS = params("params['W1']=conv1.lin.weight.T", "params['b1']=conv1.lin.bias",
                     "params['W2']=conv2.lin.weight.T", "params['b2']=conv2.lin.bias")
SAGE_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
RO = ("--data", MOLECULES)
RO_PARAMS = params("params['W1']=conv.weight.T", "params['b1']=conv.bias", "params['W2']=fc.weight.T",
                   "params['b2']=fc.bias", "params['W3']=out.weight.T", "params['b3']=out.bias")
RO_STATE = ("--state", "square_avg=net.square_avg")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RS01_gcn_no_self_loops", side="port",
         args=pair("gcn_numpy.py", "GCN", "01_gcn_no_self_loops_port.py", "GCN", *GCN, *GCN_PARAMS),
         mechanism="pair: the port normalises the adjacency without self-loops, A_tilde = A instead of "
                   "A + I: A_hat = D^-1/2 A D^-1/2 with D the degrees of A, so a node's own features no "
                   "longer enter its aggregation and every neighbour weight 1/sqrt(d_i d_j) uses degrees one "
                   "smaller; both layers' outputs, the loss and every gradient differ from the first step",
         expected=("self-loop", "self loop", "a + i", "identity", "torch.eye", "adjacency", "normaliz",
                   "normalis", "degree", "d^-1/2", "renormalization trick", "aggregation", "own features",
                   "forward", "gcn")),
    dict(id="RS02_gcn_loss_all_nodes", side="port",
         args=pair("gcn_numpy.py", "GCN", "02_gcn_loss_all_nodes_port.py", "GCN", *GCN, *GCN_PARAMS),
         mechanism="pair: the port's cross-entropy is F.cross_entropy(logits, y) over all 40 nodes instead of "
                   "logits[mask], y[mask] over the 16 labelled (train_mask) nodes: the unlabelled nodes' "
                   "labels leak into the loss and the gradients, the loss is averaged over 40 rows, every "
                   "gradient has a different direction",
         expected=("train_mask", "mask", "labelled", "labeled", "training nodes", "all nodes", "unlabelled",
                   "semi-supervised", "label leak", "leak", "cross_entropy", "loss", "mean over", "subset",
                   "masked")),
    dict(id="RS03_gcn_adamw", side="port",
         args=pair("gcn_numpy.py", "GCN", "03_gcn_adamw_port.py", "GCN", *GCN, *GCN_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.AdamW where the NumPy program adds the L2 term "
                   "WD * W to the gradient before Adam's moments (torch.optim.Adam's weight_decay): AdamW "
                   "decays the weights directly (p -= lr * WD * p) and its moments see the raw gradient, so "
                   "the weights' moments and updates differ, the gradients and the biases agree",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "l2", "coupled", "moments",
                   "exp_avg", "optimizer", "update", "proportional to the parameter", "regulariz",
                   "gradient plus")),
    dict(id="RS04_sage_concat_order", side="port",
         args=pair("sage_numpy.py", "GraphSAGE", "04_sage_concat_order_port.py", "GraphSAGE", *SAGE,
                   *SAGE_PARAMS),
         mechanism="pair: the port's SAGEConv concatenates torch.cat([P @ h, h]) instead of torch.cat([h, P @ h]): "
                   "the neighbour mean meets the rows of W meant for the node's own features and vice versa, "
                   "in both layers, so the pre-activations, the loss and every gradient differ (each W's two "
                   "row blocks swapped roles)",
         expected=("concat", "concatenat", "torch.cat", "order", "swapped", "neighbour", "neighbor", "self",
                   "own features", "mean", "rows", "block", "weight layout", "sage", "aggregat")),
    dict(id="RS05_sage_sum_aggregation", side="port",
         args=pair("sage_numpy.py", "GraphSAGE", "05_sage_sum_aggregation_port.py", "GraphSAGE", *SAGE,
                   *SAGE_PARAMS),
         mechanism="pair: the port's aggregation operator is the raw adjacency A instead of A / in-degree: "
                   "the in-neighbours' features are summed instead of averaged, each node's neighbour part "
                   "too large by its in-degree (1 to about 5), so both layers, the loss and every gradient "
                   "differ",
         expected=("sum", "mean", "degree", "in-degree", "1/degree", "divide", "normaliz", "normalis",
                   "aggregat", "neighbour", "neighbor", "adjacency", "sum instead of mean", "scaled",
                   "row-normaliz")),
    dict(id="RS06_sage_scheduler_first", side="port",
         args=pair("sage_numpy.py", "GraphSAGE", "06_sage_scheduler_first_port.py", "GraphSAGE", *SAGE,
                   *SAGE_PARAMS),
         mechanism="pair: the port calls scheduler.step() before optimizer.step(): StepLR halves the rate one "
                   "update early, so update 8 (of 1..20) is made with LR/2 instead of LR and update 16 with "
                   "LR/4 instead of LR/2; steps 1-7 agree, then the updates differ by a factor 0.5 on every "
                   "parameter at the boundary steps",
         expected=("scheduler", "steplr", "learning rate", "schedule", "scheduler.step", "order",
                   "before optimizer.step", "one step early", "off by one", "off-by-one", "step size",
                   "gamma", "decay", "factor 0.5", "every parameter")),
    dict(id="RS07_readout_no_squeeze", side="port",
         args=pair("readout_numpy.py", "GraphRegressor", "07_readout_no_squeeze_port.py", "GraphRegressor", *RO,
                   *RO_PARAMS, *RO_STATE),
         mechanism="pair: the port's head returns shape (12, 1) (no .squeeze(-1)) against targets of shape "
                   "(12,): F.mse_loss broadcasts to a 12 x 12 matrix and averages (pred_i - y_j)^2 over every "
                   "pair of graphs, so the loss and every gradient differ (each prediction pulled to the "
                   "mean target)",
         expected=("broadcast", "shape", "squeeze", "(n, 1)", "(n,)", "mse_loss", "target shape", "mismatch",
                   "pairwise", "every pair", "mean target", "loss", "unsqueeze", "dimension", "outer")),
    dict(id="RS08_readout_clip_value", side="port",
         args=pair("readout_numpy.py", "GraphRegressor", "08_readout_clip_value_port.py", "GraphRegressor", *RO,
                   *RO_PARAMS, *RO_STATE),
         mechanism="pair: the port clips with clip_grad_value_(params, 0.5), each element to [-0.5, 0.5], "
                   "instead of clip_grad_norm_(params, 0.5), the global L2 norm to 0.5: in the first steps "
                   "(global norm above 0.5) the NumPy gradients are all scaled down by one common factor while "
                   "the port only cuts its few largest elements (up to about 1.7) to 0.5 and leaves the rest, so "
                   "the gradients, RMSprop's square_avg and the updates differ",
         expected=("clip", "clipping", "clip_grad_norm_", "clip_grad_value_", "global norm", "norm",
                   "max_norm", "element-wise", "elementwise", "value", "scaled", "one factor",
                   "gradient", "rmsprop", "square_avg")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RS09_gcn_w2_grad_unaggregated", side="numpy",
         args=pair("09_gcn_w2_grad_unaggregated_numpy.py", "GCN", "gcn_torch.py", "GCN", *GCN, *GCN_PARAMS),
         mechanism="pair: the hand-written gradient of the second layer's weight is H1.T @ dlogits instead of "
                   "(A_hat H1).T @ dlogits: the input cached before the aggregation is used, the A_hat factor "
                   "is missing, so W2's gradient (and its Adam moments and update) is wrong while the loss, "
                   "b2, W1 and b1 are right",
         expected=("backward", "gradient", "w2", "aggregation", "a_hat", "adjacency", "normalized adjacency",
                   "cache", "pre-aggregation", "missing factor", "chain rule", "numpy-backward", "layer 2",
                   "input of the layer", "transpose")),
    dict(id="RS10_gcn_loss_fancy_index", side="numpy",
         args=pair("10_gcn_loss_fancy_index_numpy.py", "GCN", "gcn_torch.py", "GCN", *GCN, *GCN_PARAMS),
         mechanism="pair: the reported loss indexes P[mask][:, y[mask]], a 16 x 16 matrix of every labelled "
                   "node's probability of every labelled node's class, instead of P[mask, y[mask]], each "
                   "node's own class: the loss value is wrong (smaller at the start, much larger once the model "
                   "fits) while the gradients and updates, computed separately, are right",
         expected=("loss", "index", "indexing", "fancy indexing", "advanced indexing", "p[mask, y", "matrix",
                   "shape", "loss value", "reported loss", "loss only", "inconsistent", "cross-entropy",
                   "log", "broadcast")),
    dict(id="RS11_gcn_adam_v_correction", side="numpy",
         args=pair("11_gcn_adam_v_correction_numpy.py", "GCN", "gcn_torch.py", "GCN", *GCN, *GCN_PARAMS),
         mechanism="pair: Adam's second-moment bias correction divides by 1 - BETA1**t instead of 1 - BETA2**t: "
                   "v_hat is about 100 times too small at step 1 (0.1 vs 0.001), so the update is about ten "
                   "times too large, the factor shrinking with t; gradients and both moments agree, the "
                   "updates differ",
         expected=("adam", "bias correction", "second moment", "beta2", "beta1", "v_hat", "exp_avg_sq",
                   "1 - beta", "update", "optimizer", "ratio moving", "step", "too large", "denominator",
                   "correction")),
    dict(id="RS12_sage_backward_no_transpose", side="numpy",
         args=pair("12_sage_backward_no_transpose_numpy.py", "GraphSAGE", "sage_torch.py", "GraphSAGE", *SAGE,
                   *SAGE_PARAMS),
         mechanism="pair: the backward through the second layer's neighbour mean uses P @ dC2 instead of "
                   "P.T @ dC2: P = D_in^-1 A is not symmetric, so the gradient reaching H1 through its "
                   "neighbours is routed along the edges the wrong way with the wrong 1/degree weights; "
                   "W1 and b1 get wrong gradients, W2, b2 and the loss are right",
         expected=("transpose", "p.t", "p^t", "backward", "aggregation", "mean", "neighbour", "neighbor",
                   "not symmetric", "asymmetric", "direction", "edges", "degree", "w1", "gradient")),
    dict(id="RS13_sage_degree_axis", side="numpy",
         args=pair("13_sage_degree_axis_numpy.py", "GraphSAGE", "sage_torch.py", "GraphSAGE", *SAGE,
                   *SAGE_PARAMS),
         mechanism="pair: the degree is A.sum(axis=0) (each source's out-degree, broadcast over the columns) "
                   "instead of A.sum(axis=1) (each target's in-degree): P's rows no longer sum to 1, each "
                   "neighbour is weighted by 1/out-degree of the sender, so the neighbour mean, both layers, "
                   "the loss and every gradient differ",
         expected=("axis", "axis=0", "axis=1", "degree", "in-degree", "out-degree", "column", "row",
                   "normaliz", "mean", "rows sum", "aggregat", "neighbour", "neighbor", "wrong axis")),
    dict(id="RS14_sage_smooth_decay", side="numpy",
         args=pair("14_sage_smooth_decay_numpy.py", "GraphSAGE", "sage_torch.py", "GraphSAGE", *SAGE,
                   *SAGE_PARAMS),
         mechanism="pair: the step schedule is LR * GAMMA ** (t / STEP_SIZE) with true division instead of "
                   "t // STEP_SIZE: the rate decays exponentially every update (0.5^(1/8) = 0.917 per step) "
                   "instead of halving every 8 updates; update 1 agrees, from update 2 every parameter's "
                   "update is smaller by a factor that moves with the step",
         expected=("schedule", "learning rate", "step decay", "steplr", "exponential", "//", "integer division",
                   "floor", "staircase", "gamma", "decay", "every step", "factor", "ratio", "lr")),
    dict(id="RS15_readout_pool_grad_count", side="numpy",
         args=pair("15_readout_pool_grad_count_numpy.py", "GraphRegressor", "readout_torch.py", "GraphRegressor",
                   *RO, *RO_PARAMS, *RO_STATE),
         mechanism="pair: the backward through the mean readout copies each graph's pooled gradient to its "
                   "nodes without dividing by the node count (the 1/n of the mean): W1's and b1's data "
                   "gradients are 4 to 9 times too large per graph, which also changes the global clipping "
                   "factor applied to every gradient; the loss is right",
         expected=("mean", "readout", "pooling", "pool", "1/n", "count", "node count", "number of nodes",
                   "divide", "backward", "gradient", "sum", "scaled", "w1", "graph size")),
    dict(id="RS16_readout_clip_sum_of_norms", side="numpy",
         args=pair("16_readout_clip_sum_of_norms_numpy.py", "GraphRegressor", "readout_torch.py",
                   "GraphRegressor", *RO, *RO_PARAMS, *RO_STATE),
         mechanism="pair: the global gradient norm for clipping is the sum of the per-parameter L2 norms "
                   "instead of the square root of the sum of all squares: the norm is overstated, so every "
                   "gradient is clipped by a smaller common factor (and for more steps); the gradients, "
                   "square_avg and updates differ by one factor for all parameters",
         expected=("clip", "clipping", "norm", "global norm", "total norm", "sum of norms", "l2", "sqrt",
                   "square root", "max_norm", "one factor", "all parameters", "scaled", "clip_grad_norm_",
                   "gradient")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RS17_gcn_edge_list_numpy", side="correct",
         args=pair("gcn_alt_numpy.py", "GCNAlt", "gcn_torch.py", "GCN", *GCN, *GCN_ALT_PARAMS),
         mechanism="pair: the GCN in NumPy as message passing over an edge list with self-loops appended "
                   "(np.add.at scatter with per-edge weights 1/sqrt(d_i d_j), the backward sent along the "
                   "reversed edges), layers as a list of dicts holding their own Adam moments, running beta "
                   "powers and lr / (1 - beta1^t) folded into the step; against the dense nn.Linear port",
         expected=()),
    dict(id="RS18_sage_raw_param_port", side="correct",
         args=pair("sage_numpy.py", "GraphSAGE", "sage_params_torch.py", "GraphSAGEP", *SAGE, *SAGE_P_PARAMS),
         mechanism="pair: GraphSAGE port with raw (in, out) nn.Parameter weights used as cat([h, mean]) @ W, "
                   "the neighbour mean by index_add_ over the edge list divided by torch.bincount in-degrees, "
                   "and the step schedule written into param_groups by hand from a counter on the model",
         expected=()),
    dict(id="RS19_readout_flat_numpy", side="correct",
         args=pair("readout_flat_numpy.py", "GraphRegressorFlat", "readout_torch.py", "GraphRegressor", *RO,
                   *RO_PARAMS),
         mechanism="pair: the graph regressor in NumPy with every parameter a reshaped view of one flat "
                   "vector (clipping and RMSprop as single vector operations on it), the padded batch unpadded "
                   "to one block-diagonal graph with a batch assignment vector, the mean readout as an "
                   "assignment matrix S and its backward S^T; against the padded-batch port",
         expected=()),
]
