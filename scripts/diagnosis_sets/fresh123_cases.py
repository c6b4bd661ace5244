"""One-hundred-and-twenty-third fresh held-out set for the diagnosis: one planted bug per program in fresh123/,
sixteen bugs and three correct variants, written blind. The theme is graph neural networks on a small
fixed graph given as data: node classification by cross-entropy over a training mask of nodes.

Three base programs, each a NumPy training program (own forward, hand-written backward, own optimizer
step) and its PyTorch port (autograd, torch.optim), all reading their graph from the folder's .npz files
(fresh123/make_data.py, seed 0):

  gcn_numpy.py:GCN / gcn_torch.py:GCN (gcn.npz, 40 nodes, 12 features, 3 classes, dense adjacency):
      a two-layer graph convolutional network, A_hat = D^-1/2 (A + I) D^-1/2,
      H1 = relu(A_hat X W1 + b1), logits = A_hat H1 W2 + b2 (bias after propagation), cross-entropy
      averaged over the 15 training nodes; SGD lr 0.05 with momentum 0.9 (torch's buffer v = mu v + g)
      and weight decay 5e-3 added to the gradient (torch.optim.SGD(momentum, weight_decay)). The port
      keeps each weight in a bias-free nn.Linear (W = linear.weight.T) and a separate bias.
  gat_numpy.py:GAT / gat_torch.py:GAT (gat.npz, 40 nodes, 12 features, 3 classes, dense adjacency):
      a two-layer graph attention network; per head e_ij = leaky_relu(a . [Wh_i || Wh_j], 0.2) with
      a = [a_src || a_dst] of shape (heads, 2F'), softmax over j restricted to the neighbours and the
      node itself (-inf elsewhere); layer 1: 2 heads of 8 concatenated + b1, ELU; layer 2: 2 heads of
      3 averaged + b2; masked cross-entropy; Adam lr 0.01 with L2 weight decay 5e-3 in the gradient
      (torch.optim.Adam(weight_decay)). W, a, bias are plain parameters of the same shape on both sides.
  edgegcn_numpy.py:EdgeGCN / edgegcn_torch.py:EdgeGCN (edges.npz, 48 nodes, 10 features, 4 classes):
      a two-layer GCN over an edge list (each undirected edge once; reverse edges and self-loops added
      by the program), messages norm_e * h[src_e] scatter-added into dst_e (np.add.at / index_add_)
      with norm_e = deg(src)^-1/2 deg(dst)^-1/2, inverted dropout p = 0.5 on the hidden layer with the
      fixed keep-masks of the data (step t uses drop_masks[t % 8]), masked cross-entropy, AdamW lr 0.01
      with decoupled weight decay 0.05 (torch.optim.AdamW).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh123_cases

Each case:
    id          short name (prefixed SS)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); a port bug is
                checked against its correct NumPy base, a NumPy bug against its correct port
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings or its tests; validated by exit status alone
(each buggy program exits 1 and its fixed copy 0 under the same arguments; each correct program exits 0).
"""

F = "scripts/diagnosis_sets/fresh123/"

COMMON = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]


def gcn(numpy="gcn_numpy.py", port="gcn_torch.py", w_layout=".T"):
    return [F + numpy + ":GCN", "--torch", F + port + ":GCN", "--data", F + "gcn.npz",
            "--init", "net = GCN()", "--torch-init", "model = GCN()",
            "--param", "params['W1']=conv1.linear.weight" + w_layout,
            "--param", "params['b1']=conv1.bias",
            "--param", "params['W2']=conv2.linear.weight" + w_layout,
            "--param", "params['b2']=conv2.bias",
            "--state", "momentum_buffer=net.velocity", *COMMON]


def gat(numpy="gat_numpy.py", port="gat_torch.py"):
    return [F + numpy + ":GAT", "--torch", F + port + ":GAT", "--data", F + "gat.npz",
            "--init", "net = GAT()", "--torch-init", "model = GAT()",
            "--param", "params['W1']=layer1.W", "--param", "params['a1']=layer1.a",
            "--param", "params['b1']=layer1.bias",
            "--param", "params['W2']=layer2.W", "--param", "params['a2']=layer2.a",
            "--param", "params['b2']=layer2.bias",
            "--state", "exp_avg=net.m", "--state", "exp_avg_sq=net.v", *COMMON]


def gat_linear(numpy="gat_numpy.py", port="gat_torch.py"):
    return [F + numpy + ":GAT", "--torch", F + port + ":GAT", "--data", F + "gat.npz",
            "--init", "net = GAT()", "--torch-init", "model = GAT()",
            "--param", "params['W1']=layer1.lin.weight.T", "--param", "params['a1']=layer1.att",
            "--param", "params['b1']=layer1.bias",
            "--param", "params['W2']=layer2.lin.weight.T", "--param", "params['a2']=layer2.att",
            "--param", "params['b2']=layer2.bias",
            "--state", "exp_avg=net.m", "--state", "exp_avg_sq=net.v", *COMMON]


def edge(numpy="edgegcn_numpy.py", port="edgegcn_torch.py"):
    return [F + numpy + ":EdgeGCN", "--torch", F + port + ":EdgeGCN", "--data", F + "edges.npz",
            "--init", "net = EdgeGCN()", "--torch-init", "model = EdgeGCN()",
            "--param", "params['W1']=lin1.weight.T", "--param", "params['b1']=b1",
            "--param", "params['W2']=lin2.weight.T", "--param", "params['b2']=b2",
            "--state", "exp_avg=net.m", "--state", "exp_avg_sq=net.v", *COMMON]


CASES = [
    # ---------------------------------------------------------------- port bugs
    {"id": "SS01", "side": "port", "args": gcn(port="01_rownorm_port.py"),
     "mechanism": "port normalises the adjacency by rows, D^-1 (A + I), instead of the symmetric D^-1/2 (A + I) D^-1/2",
     "expected": ("symmetric", "normaliz", "normalis", "D^-1/2", "degree")},
    {"id": "SS02", "side": "port", "args": gcn(port="02_allnodes_port.py"),
     "mechanism": "port takes the cross-entropy over all nodes instead of only the nodes of the training mask",
     "expected": ("train mask", "training mask", "mask", "all nodes", "unlabel")},
    {"id": "SS03", "side": "port", "args": gcn(port="03_nodecay_port.py"),
     "mechanism": "port's torch.optim.SGD leaves out weight_decay (the NumPy program adds 5e-3 * p to the gradient)",
     "expected": ("weight decay", "weight_decay", "L2")},
    {"id": "SS04", "side": "port", "args": gat(port="04_slope_port.py"),
     "mechanism": "port calls F.leaky_relu on the attention scores with its default negative slope 0.01 instead of 0.2",
     "expected": ("negative slope", "negative_slope", "leaky", "slope")},
    {"id": "SS05", "side": "port", "args": gat(port="05_maskfill_port.py"),
     "mechanism": "port fills the scores of non-neighbours with 0 instead of -inf, so the attention softmax runs over every node",
     "expected": ("-inf", "neighbo", "masked_fill", "attention mask")},
    {"id": "SS06", "side": "port", "args": gat(port="06_headsum_port.py"),
     "mechanism": "port sums the output layer's two attention heads instead of averaging them (logits twice as large)",
     "expected": ("average", "mean", "heads", "factor 2")},
    {"id": "SS07", "side": "port", "args": edge(port="07_adam_port.py"),
     "mechanism": "port uses torch.optim.Adam (weight decay as an L2 term in the gradient) where the NumPy program is AdamW (decoupled decay)",
     "expected": ("decoupled", "adamw", "L2", "weight decay")},
    {"id": "SS08", "side": "port", "args": edge(port="08_zerograd_port.py"),
     "mechanism": "port's train_step has no optimizer.zero_grad(), so gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat", "not zeroed", "summed over steps")},
    # --------------------------------------------------------------- NumPy bugs
    {"id": "SS09", "side": "numpy", "args": gcn(numpy="09_propagate_numpy.py"),
     "mechanism": "NumPy backward forgets to propagate the output gradient back through A_hat before the second weight (dH1 = dZ2 W2^T, not A_hat^T dZ2 W2^T)",
     "expected": ("adjacency", "A_hat", "propagat", "aggregat")},
    {"id": "SS10", "side": "numpy", "args": gcn(numpy="10_allnodes_numpy.py"),
     "mechanism": "NumPy backward divides the cross-entropy gradient by all N nodes instead of the number of training nodes",
     "expected": ("training nodes", "mask", "count", "batch size", "ratio")},
    {"id": "SS11", "side": "numpy", "args": gcn(numpy="11_dampening_numpy.py"),
     "mechanism": "NumPy momentum is a moving average v = mu v + (1 - mu) g (dampening) instead of torch's v = mu v + g",
     "expected": ("dampening", "moving average", "ema", "1 - mu", "1 - momentum")},
    {"id": "SS12", "side": "numpy", "args": gat(numpy="12_softmaxgrad_numpy.py"),
     "mechanism": "NumPy attention softmax backward drops the Jacobian's subtracted term: dL = P * dP instead of P * (dP - sum(dP * P))",
     "expected": ("softmax", "jacobian", "attention")},
    {"id": "SS13", "side": "numpy", "args": gat(numpy="13_eluderiv_numpy.py"),
     "mechanism": "NumPy ELU derivative for z <= 0 is elu(z) instead of elu(z) + 1 = exp(z)",
     "expected": ("elu", "activation derivative", "activation-derivative")},
    {"id": "SS14", "side": "numpy", "args": gat(numpy="14_biascorr_numpy.py"),
     "mechanism": "NumPy Adam leaves out the second-moment bias correction (sqrt(v) not divided by sqrt(1 - beta2^t))",
     "expected": ("bias correction", "bias-correction", "second moment", "exp_avg_sq")},
    {"id": "SS15", "side": "numpy", "args": edge(numpy="15_dropgrad_numpy.py"),
     "mechanism": "NumPy backward through dropout scales by 1 / (1 - p) but forgets to multiply by the keep-mask",
     "expected": ("dropout", "keep-mask", "mask")},
    {"id": "SS16", "side": "numpy", "args": edge(numpy="16_scatter_numpy.py"),
     "mechanism": "NumPy propagation scatters with buffered fancy indexing out[dst] += msg, which keeps one message per repeated destination, instead of np.add.at",
     "expected": ("add.at", "scatter", "repeated", "duplicate", "index_add")},
    # ---------------------------------------------------------- correct variants
    {"id": "SS17", "side": "correct", "args": gcn(numpy="17_outin_numpy.py", w_layout=""),
     "mechanism": "correct: the GCN with weights stored (out, in), (A_hat X) W1^T, momentum buffers updated in place",
     "expected": ()},
    {"id": "SS18", "side": "correct", "args": gat_linear(port="18_concat_port.py"),
     "mechanism": "correct: the GAT port head by head with an explicit [Wh_i || Wh_j] concatenation and W in an nn.Linear",
     "expected": ()},
    {"id": "SS19", "side": "correct", "args": edge(port="19_handadamw_port.py"),
     "mechanism": "correct: the edge-list GCN port with a sparse A_hat (torch.sparse.mm) and a hand-written AdamW optimizer",
     "expected": ()},
]
