"""One hundred and seventy-fifth fresh held-out set for the diagnosis: one planted bug per program
in fresh175/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is graph neural networks for
semi-supervised node classification on small synthetic graphs (stochastic block models), written
out by hand in NumPy with their backward: a two-layer GCN with the symmetric-normalised adjacency
with self-loops, and a two-layer GraphSAGE with mean aggregation; dropout masks fixed in advance
(read from the graph file, one per step modulo their count) and a cross-entropy over the training
nodes given by a mask. The graph (adjacency, training mask, dropout masks) is read by each program
from fresh175/*_graph.npz; the data file holds only X (node features) and y (labels).

The base programs (data from fresh175/make_data.py, fixed seed, nothing random while training):

    gcn_numpy.py:GCN / gcn_torch.py:GCN, gcn.npz X (40, 10), y (40,) in {0, 1, 2}, 15 training nodes
        Ahat = D^-1/2 (A + I) D^-1/2; input dropout p 0.2 and hidden dropout p 0.5 (inverted,
        keep-masks number t % 4 at step t); H = relu(Ahat (Xd W1) + b1); Z = Ahat (Hd W2) + b2;
        cross-entropy mean over the training nodes. Weights kept (in, out) on both sides (pygcn
        GraphConvolution, torch.sparse.mm with a sparse Ahat). Adam lr 0.01, betas (0.9, 0.999),
        eps 1e-8, L2 weight decay 5e-4 coupled into the gradient for the first layer (W1, b1)
        only (two parameter groups).
    sage_numpy.py:GraphSAGE / sage_torch.py:GraphSAGE, sage.npz X (48, 8), y (48,) in {0..3},
        20 training nodes
        P = D^-1 A (mean over neighbours, no self-loop); Z1 = X Ws1 + (P X) Wn1 + b1; ELU;
        hidden dropout p 0.3 (keep-mask t % 3); Z = Hd Ws2 + (P Hd) Wn2 + b2; cross-entropy mean
        over the training nodes. Port: PyG-style SAGEConv (lin_l on the neighbour mean with the
        bias, lin_r on the root without bias), dense P. SGD lr 0.1, momentum 0.9, weight decay
        1e-3 coupled as torch.optim.SGD.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh175_cases

Each case:
    id          short name (prefixed US)
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

F = "scripts/diagnosis_sets/fresh175/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def gcn(numpy="gcn_numpy.py", port="gcn_torch.py"):
    return [F + numpy + ":GCN", "--torch", F + port + ":GCN",
            "--data", F + "gcn.npz", "--as-written",
            "--param", "params['W1']=gc1.weight",
            "--param", "params['b1']=gc1.bias",
            "--param", "params['W2']=gc2.weight",
            "--param", "params['b2']=gc2.bias", *RUN]


def gcn_alt_numpy():
    return [F + "gcn_alt_numpy.py:GCNAlt", "--torch", F + "gcn_torch.py:GCN",
            "--data", F + "gcn.npz", "--as-written",
            "--param", "W1=gc1.weight",
            "--param", "b1=gc1.bias",
            "--param", "W2=gc2.weight",
            "--param", "b2=gc2.bias", *RUN]


def gcn_alt_port():
    return [F + "gcn_numpy.py:GCN", "--torch", F + "gcn_alt_torch.py:DenseGCN",
            "--data", F + "gcn.npz", "--as-written",
            "--param", "params['W1']=lin1.weight.T",
            "--param", "params['b1']=bias1",
            "--param", "params['W2']=lin2.weight.T",
            "--param", "params['b2']=bias2", *RUN]


def sage(numpy="sage_numpy.py", port="sage_torch.py"):
    return [F + numpy + ":GraphSAGE", "--torch", F + port + ":GraphSAGE",
            "--data", F + "sage.npz", "--as-written",
            "--param", "params['Ws1']=conv1.lin_r.weight.T",
            "--param", "params['Wn1']=conv1.lin_l.weight.T",
            "--param", "params['b1']=conv1.lin_l.bias",
            "--param", "params['Ws2']=conv2.lin_r.weight.T",
            "--param", "params['Wn2']=conv2.lin_l.weight.T",
            "--param", "params['b2']=conv2.lin_l.bias", *RUN]


def sage_alt_port():
    return [F + "sage_numpy.py:GraphSAGE", "--torch", F + "sage_alt_torch.py:EdgeSAGE",
            "--data", F + "sage.npz", "--as-written",
            *[a for k in ("Ws1", "Wn1", "b1", "Ws2", "Wn2", "b2")
              for a in ("--param", f"params['{k}']=params.{k}")], *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "US01", "side": "port", "args": gcn(port="01_rownorm_port.py"),
     "mechanism": "adjacency normalised by rows, D^-1 (A + I) (the random-walk normalisation of "
                  "pygcn's normalize()), instead of the symmetric D^-1/2 (A + I) D^-1/2",
     "expected": ("normalisation", "normalization", "symmetric", "adjacency", "degree", "row")},
    {"id": "US02", "side": "port", "args": gcn(port="02_noselfloop_port.py"),
     "mechanism": "self-loops left out: Ahat = D^-1/2 A D^-1/2 with A instead of A + I (and the "
                  "degrees without the node itself)",
     "expected": ("self-loop", "self loop", "identity", "adjacency", "a + i")},
    {"id": "US03", "side": "port", "args": gcn(port="03_decayall_port.py"),
     "mechanism": "Adam built on model.parameters() with weight_decay=5e-4 for every parameter, "
                  "where the NumPy program decays only the first layer (W1, b1): W2, b2 decayed too",
     "expected": ("weight decay", "weight_decay", "decay", "l2", "param group")},
    {"id": "US04", "side": "port", "args": gcn(port="04_allnodes_port.py"),
     "mechanism": "cross-entropy over all 40 nodes (train mask forgotten) instead of over the 15 "
                  "training nodes only",
     "expected": ("mask", "training nodes", "train_mask", "all nodes", "masked")},
    {"id": "US05", "side": "port", "args": sage(port="05_maskstep_port.py"),
     "mechanism": "the step counter is incremented before the forward pass, so step t uses the "
                  "dropout mask of step t + 1 (off by one in the fixed-mask schedule)",
     "expected": ("dropout", "mask", "off-by-one", "off by one", "step")},
    {"id": "US06", "side": "port", "args": sage(port="06_aggrtranspose_port.py"),
     "mechanism": "neighbour mean aggregated with the transposed matrix P.T = A D^-1 (messages "
                  "sent along the wrong edge direction) instead of P = D^-1 A, in both layers",
     "expected": ("transpose", "aggregation", "adjacency", "direction", "neighbour", "neighbor")},
    {"id": "US07", "side": "port", "args": sage(port="07_smoothing_port.py"),
     "mechanism": "F.cross_entropy(..., label_smoothing=0.1) where the NumPy loss is the plain "
                  "cross-entropy",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "loss")},
    {"id": "US08", "side": "port", "args": sage(port="08_detach_port.py"),
     "mechanism": "the neighbour aggregation reads x.detach(): in layer 2 no gradient flows back "
                  "through the neighbour path (P Hd) Wn2 into the first layer",
     "expected": ("detach", "no gradient", "gradient flow", "neighbour", "neighbor")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "US09", "side": "numpy", "args": gcn(numpy="09_dropscale_numpy.py"),
     "mechanism": "hidden-dropout backward applies the keep-mask without the 1/(1 - p) scale: "
                  "the first-layer gradients (W1, b1) half of what they are",
     "expected": ("dropout", "scale", "1/(1-p)", "1 - p", "keep"),},
    {"id": "US10", "side": "numpy", "args": gcn(numpy="10_meanall_numpy.py"),
     "mechanism": "softmax cross-entropy gradient divided by the number of nodes (40) instead of "
                  "the number of training nodes (15), while the loss is the mean over the 15",
     "expected": ("mean", "reduction", "training nodes", "number of nodes", "divide", "15")},
    {"id": "US11", "side": "numpy", "args": gcn(numpy="11_epssqrt_numpy.py"),
     "mechanism": "Adam eps put inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "square root", "adam")},
    {"id": "US12", "side": "numpy", "args": gcn(numpy="12_vhatbeta1_numpy.py"),
     "mechanism": "Adam second moment bias-corrected with beta1 (v / (1 - beta1^t)) instead of "
                  "beta2, a copy-paste slip",
     "expected": ("bias correction", "bias-correct", "beta2", "second moment", "v_hat")},
    {"id": "US13", "side": "numpy", "args": sage(numpy="13_eluderiv_numpy.py"),
     "mechanism": "ELU derivative for negative inputs taken as exp(H) of the activation instead "
                  "of exp(Z1) = H + 1",
     "expected": ("elu", "derivative", "activation", "exp")},
    {"id": "US14", "side": "numpy", "args": sage(numpy="14_aggrback_numpy.py"),
     "mechanism": "backward of the layer-2 neighbour mean uses P @ instead of P.T @ (the "
                  "row-normalised P is not symmetric): wrong transpose in the hidden gradient",
     "expected": ("transpose", "aggregation", "adjacency", "neighbour", "neighbor", "backward")},
    {"id": "US15", "side": "numpy", "args": sage(numpy="15_decaysign_numpy.py"),
     "mechanism": "weight decay with the wrong sign: g - wd * w fed to the momentum instead of "
                  "g + wd * w",
     "expected": ("weight decay", "sign", "decay", "weight_decay")},
    {"id": "US16", "side": "numpy", "args": sage(numpy="16_hiddenmask_numpy.py"),
     "mechanism": "the training-node mask applied again to the hidden-layer gradient: gradient "
                  "reaching unlabelled nodes through their labelled neighbours is dropped "
                  "(Ws1, Wn1, b1)",
     "expected": ("mask", "masking", "unlabelled", "unlabeled", "training nodes", "hidden")},
    # ---------------------------------------------------------------- correct variants
    {"id": "US17", "side": "correct", "args": gcn_alt_numpy(),
     "mechanism": "correct: NumPy GCN with attribute weights, einsum products, (Ahat Xd) W1 "
                  "order, broadcast normalisation, index-based loss, in-place Adam",
     "expected": ()},
    {"id": "US18", "side": "correct", "args": gcn_alt_port(),
     "mechanism": "correct: port with a dense Ahat buffer, bias-free nn.Linear (out, in) plus "
                  "separate biases, log_softmax + nll_loss on idx_train, groups by name",
     "expected": ()},
    {"id": "US19", "side": "correct", "args": sage_alt_port(),
     "mechanism": "correct: port with an nn.ParameterDict in (in, out) layout, edge-list "
                  "index_add_ neighbour mean, hand-written ELU, masked-sum loss",
     "expected": ()},
]
