"""One hundred and fifty-eighth fresh held-out set for the diagnosis: one planted bug per program in
fresh158/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is graph neural networks
for node classification on one small fixed graph (the whole graph is the batch): a two-layer GCN
with the symmetric normalised adjacency, and a two-layer GraphSAGE with the mean aggregator; the
loss is softmax cross-entropy over the labelled (training-mask) nodes only, dropout off.

The base programs (data from fresh158/make_data.py, fixed seed, stochastic block models; each
program loads the adjacency and the training mask from its npz itself, nothing random while
training):

    gcn_numpy.py:GCN / gcn_torch.py:GCN, gcn.npz X (40, 10), y (40,) in {0, 1, 2}, A (40, 40),
        train_mask (18 labelled nodes)
        A_hat = D^-1/2 (A + I) D^-1/2 computed by each program; H1 = relu(A_hat X W1 + b1);
        Z = A_hat H1 W2 + b2 (hidden 16; W kept (in, out) on both sides, the port a pygcn-style
        GraphConvolution: adj @ (x @ W) + b). Adam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        bias-corrected as torch.optim.Adam; L2 weight decay 5e-4 coupled into the gradient on
        the first layer only (W1, b1; the port: an Adam param group for gc1).
    sage_numpy.py:GraphSAGE / sage_torch.py:GraphSAGE, sage.npz X (48, 6), y (48,) in {0..3},
        A (48, 48), train_mask (20 labelled nodes), src / dst edge list
        P = D^-1 A (neighbour mean, no self-loops); h1 = relu([X, P X] W1 + b1);
        z = [h1, P h1] W2 + b2 (hidden 16; NumPy W kept (in, out), the port nn.Linear on the
        concatenation). SGD lr 0.05, momentum 0.9 (v = mu v + g; w -= lr v), no weight decay.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh158_cases

Each case:
    id          short name (prefixed UB)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh158/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def gcn(numpy="gcn_numpy.py", port="gcn_torch.py", cls="GCN"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":GCN",
            "--data", F + "gcn.npz", "--as-written",
            "--param", "params['W1']=gc1.weight",
            "--param", "params['b1']=gc1.bias",
            "--param", "params['W2']=gc2.weight",
            "--param", "params['b2']=gc2.bias", *RUN]


def sage(numpy="sage_numpy.py", port="sage_torch.py"):
    return [F + numpy + ":GraphSAGE", "--torch", F + port + ":GraphSAGE",
            "--data", F + "sage.npz", "--as-written",
            "--param", "W1=sage1.lin.weight.T",
            "--param", "b1=sage1.lin.bias",
            "--param", "W2=sage2.lin.weight.T",
            "--param", "b2=sage2.lin.bias", *RUN]


def sage_alt_port():
    return [F + "sage_numpy.py:GraphSAGE", "--torch", F + "sage_alt_torch.py:SAGEAlt",
            "--data", F + "sage.npz", "--as-written",
            "--param", "W1=lin1.weight.T",
            "--param", "b1=lin1.bias",
            "--param", "W2=lin2.weight.T",
            "--param", "b2=lin2.bias", *RUN]


def sage_alt_numpy():
    return [F + "sage_alt_numpy.py:SAGEAlt", "--torch", F + "sage_torch.py:GraphSAGE",
            "--data", F + "sage.npz", "--as-written",
            "--param", "W1=sage1.lin.weight",
            "--param", "b1=sage1.lin.bias",
            "--param", "W2=sage2.lin.weight",
            "--param", "b2=sage2.lin.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UB01", "side": "port", "args": gcn(port="01_noselfloops_port.py"),
     "mechanism": "GCN adjacency normalised as D^-1/2 A D^-1/2 without adding the self-loops "
                  "(A + I): a node's own features are left out of its propagation",
     "expected": ("self-loop", "self loop", "identity", "a + i", "adjacency")},
    {"id": "UB02", "side": "port", "args": gcn(port="02_wdall_port.py"),
     "mechanism": "torch.optim.Adam(model.parameters(), weight_decay=5e-4): the decay applied to "
                  "the second layer too, where the NumPy program decays the first layer only",
     "expected": ("weight decay", "weight_decay", "decay", "second layer", "param group")},
    {"id": "UB03", "side": "port", "args": gcn(port="03_biasprop_port.py"),
     "mechanism": "GraphConvolution adds its bias before the propagation, adj @ (x W + b), "
                  "instead of adj @ (x W) + b: the bias is scaled by the normalised row sums",
     "expected": ("bias", "propagation", "adjacency", "aggregation", "order")},
    {"id": "UB04", "side": "port", "args": gcn(port="04_sumloss_port.py"),
     "mechanism": "F.cross_entropy(..., reduction='sum') over the labelled nodes where the NumPy "
                  "program averages: loss and every gradient 18 times larger",
     "expected": ("sum", "mean", "reduction", "18")},
    {"id": "UB05", "side": "port", "args": sage(port="05_catorder_port.py"),
     "mechanism": "SAGE layer concatenates [neighbour mean, self] instead of [self, neighbour "
                  "mean]: each half of the Linear weight meets the other feature block",
     "expected": ("concat", "concatenation", "order", "swapped", "self")},
    {"id": "UB06", "side": "port", "args": sage(port="06_sumagg_port.py"),
     "mechanism": "neighbour aggregation by the raw adjacency (a sum over neighbours): the "
                  "division by the degree of the mean aggregator left out",
     "expected": ("sum", "mean", "degree", "normalis", "aggregat")},
    {"id": "UB07", "side": "port", "args": sage(port="07_selfmean_port.py"),
     "mechanism": "the neighbour mean taken over A + I: the node itself counted among its "
                  "neighbours (divided by degree + 1)",
     "expected": ("self", "self-loop", "neighbour mean", "neighbor mean", "identity")},
    {"id": "UB08", "side": "port", "args": sage(port="08_nlllogits_port.py"),
     "mechanism": "F.nll_loss applied to the raw logits: log_softmax forgotten, so the loss is "
                  "minus the mean true-class logit instead of the cross-entropy",
     "expected": ("log_softmax", "log-softmax", "nll", "logits", "cross-entropy")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UB09", "side": "numpy", "args": gcn(numpy="09_epssqrt_numpy.py"),
     "mechanism": "Adam denominator sqrt(v_hat + eps) instead of sqrt(v_hat) + eps: eps 1e-8 "
                  "inside the square root",
     "expected": ("eps", "epsilon", "sqrt", "square root")},
    {"id": "UB10", "side": "numpy", "args": gcn(numpy="10_decoupled_numpy.py"),
     "mechanism": "first-layer weight decay applied decoupled (w -= lr wd w, AdamW style) instead "
                  "of added to the gradient before the Adam moments (L2, as Adam's weight_decay)",
     "expected": ("weight decay", "decoupled", "adamw", "decay", "l2")},
    {"id": "UB11", "side": "numpy", "args": gcn(numpy="11_maskgrad_numpy.py"),
     "mechanism": "the loss is masked but the backward takes (softmax - onehot) / n_labelled at "
                  "every node: unlabelled nodes send gradient, the training mask left out",
     "expected": ("mask", "unlabelled", "unlabeled", "training nodes", "labelled")},
    {"id": "UB12", "side": "numpy", "args": gcn(numpy="12_degree_numpy.py"),
     "mechanism": "normalised adjacency uses the degrees of A (taken before the self-loops are "
                  "added) to scale A + I: D^-1/2 (A + I) D^-1/2 with D from A",
     "expected": ("degree", "self-loop", "self loop", "normalis", "normaliz")},
    {"id": "UB13", "side": "numpy", "args": sage(numpy="13_ptranspose_numpy.py"),
     "mechanism": "backward of the neighbour mean P h1 in layer 2 multiplies by P instead of "
                  "P.T (P = D^-1 A is not symmetric): hidden-layer gradients wrong",
     "expected": ("transpose", "p.t", "aggregat", "neighbour", "neighbor")},
    {"id": "UB14", "side": "numpy", "args": sage(numpy="14_biasmean_numpy.py"),
     "mechanism": "output bias gradient dz.mean(axis=0) over all 48 nodes instead of dz.sum(axis=0) "
                  "(dz already divided by the labelled count): b2 gradient 48 times too small",
     "expected": ("bias", "mean", "sum", "reduction", "b2")},
    {"id": "UB15", "side": "numpy", "args": sage(numpy="15_emamomentum_numpy.py"),
     "mechanism": "momentum buffer as an exponential moving average v = mu v + (1 - mu) g "
                  "(dampening 0.9) where torch.optim.SGD accumulates v = mu v + g",
     "expected": ("momentum", "dampening", "ema", "1 - mu", "moving average")},
    {"id": "UB16", "side": "numpy", "args": sage(numpy="16_maxaxis_numpy.py"),
     "mechanism": "softmax stabilised by subtracting the max over axis 0 (per class, over the "
                  "nodes) instead of each row's max: probabilities, loss and gradients wrong",
     "expected": ("softmax", "axis", "max", "shift", "stability")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UB17", "side": "correct", "args": gcn(numpy="gcn_alt_numpy.py", cls="GCNAlt"),
     "mechanism": "correct: NumPy GCN with einsum products, A_hat (H W) order, the loss as a "
                  "mask-weighted sum over all nodes, one-hot softmax gradient, in-place Adam",
     "expected": ()},
    {"id": "UB18", "side": "correct", "args": sage_alt_port(),
     "mechanism": "correct: GraphSAGE port by message passing over the edge list (index_add_ "
                  "scatter mean, bincount degrees), loss as per-node cross-entropy index_select + mean",
     "expected": ()},
    {"id": "UB19", "side": "correct", "args": sage_alt_numpy(),
     "mechanism": "correct: NumPy GraphSAGE with weights kept (out, in), neighbour mean by loops over "
                  "neighbour lists, split weight slices instead of concatenation, np.* out= updates",
     "expected": ()},
]
