"""One hundred and sixty-seventh fresh held-out set for the diagnosis: one planted bug per program
in fresh167/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is metric learning written
by hand: a triplet network with L2-normalised embeddings and a hinge at a margin over triplets
given by indices in the data, and a SimCLR-style encoder trained with the NT-Xent loss (a
temperature over the 2N x 2N similarity matrix of a batch of positive pairs, diagonal masked).

The base programs (data from fresh167/make_data.py, fixed seed, nothing random while training):

    tri_numpy.py:TripletNet / tri_torch.py:TripletNet, tri.npz X (48, 10) points around 6 class
        centres, y (48, 2) int64: for anchor row i, y[i, 0] the row of its positive and y[i, 1]
        the row of its negative (rows repeat)
        dense 10->24 tanh, dense 24->8, L2 normalisation (F.normalize(dim=1)); triplet loss on
        squared distances, max(0, |a-p|^2 - |a-n|^2 + 1.0), mean over the 48 anchors; the
        gradients of positives and negatives scattered back with np.add.at; W kept (in, out).
        SGD lr 0.05, momentum 0.9, weight decay 1e-3 coupled as torch.optim.SGD
        (g + wd p into the velocity; v = mu v + g; p -= lr v).
    ntx_numpy.py:NTXentNet / ntx_torch.py:NTXentNet, ntx.npz X (32, 2, 6) two noisy views of 32
        points, y (32,) int64 the pair ids 0..31
        shared encoder dense 6->16 ReLU, dense 16->8, L2 normalisation; both views stacked
        (2N = 64 rows), S = Z Z^T / 0.25, diagonal masked to -inf, row i's target its other
        view (i + N or i - N), cross-entropy mean over the 64 rows; W kept (in, out).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh167_cases

Each case:
    id          short name (prefixed UK)
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

F = "scripts/diagnosis_sets/fresh167/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def tri(numpy="tri_numpy.py", port="tri_torch.py"):
    return [F + numpy + ":TripletNet", "--torch", F + port + ":TripletNet",
            "--data", F + "tri.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias", *RUN]


def tri_alt():
    return [F + "tri_alt_numpy.py:TripletNetAlt", "--torch", F + "tri_torch.py:TripletNet",
            "--data", F + "tri.npz", "--as-written",
            "--param", "W1=fc1.weight",
            "--param", "b1=fc1.bias",
            "--param", "W2=fc2.weight",
            "--param", "b2=fc2.bias", *RUN]


def ntx(numpy="ntx_numpy.py", port="ntx_torch.py", cls="NTXentNet"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":NTXentNet",
            "--data", F + "ntx.npz", "--as-written",
            "--param", "params['W1']=encoder.0.weight.T",
            "--param", "params['b1']=encoder.0.bias",
            "--param", "params['W2']=encoder.2.weight.T",
            "--param", "params['b2']=encoder.2.bias", *RUN]


def ntx_alt_port():
    return [F + "ntx_numpy.py:NTXentNet", "--torch", F + "ntx_alt_torch.py:NTXentEncoder",
            "--data", F + "ntx.npz", "--as-written",
            "--param", "params['W1']=W1",
            "--param", "params['b1']=b1",
            "--param", "params['W2']=W2",
            "--param", "params['b2']=b2", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UK01", "side": "port", "args": tri(port="01_tripletmarginloss_port.py"),
     "mechanism": "nn.TripletMarginLoss(margin=1.0) used as the loss: it hinges on Euclidean "
                  "distances (p=2, not squared) where the NumPy program uses squared distances",
     "expected": ("squared", "distance", "euclidean", "tripletmarginloss", "norm")},
    {"id": "UK02", "side": "port", "args": tri(port="02_normdim_port.py"),
     "mechanism": "F.normalize(..., dim=0): embeddings L2-normalised over the batch axis instead "
                  "of each row over its features (dim=1)",
     "expected": ("dim", "axis", "normalize", "normalise", "batch")},
    {"id": "UK03", "side": "port", "args": tri(port="03_detach_port.py"),
     "mechanism": "positive and negative embeddings .detach()ed in the triplet loss: only the "
                  "anchor branch gets a gradient, the scattered positive/negative terms are lost",
     "expected": ("detach", "stop-gradient", "no gradient", "positive", "negative")},
    {"id": "UK04", "side": "port", "args": tri(port="04_nowd_port.py"),
     "mechanism": "torch.optim.SGD built without weight_decay=1e-3, where the NumPy program adds "
                  "wd * p to the gradient before the momentum",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "UK05", "side": "port", "args": ntx(port="05_nomask_port.py"),
     "mechanism": "NT-Xent without the diagonal mask: each embedding's similarity with itself "
                  "(1/tau) stays in the softmax denominator",
     "expected": ("diagonal", "mask", "self-similarity", "self", "eye")},
    {"id": "UK06", "side": "port", "args": ntx(port="06_nonorm_port.py"),
     "mechanism": "forward returns the raw encoder output: the L2 normalisation (F.normalize) "
                  "left out, so the similarities are dot products, not cosines",
     "expected": ("normalize", "normalise", "normalization", "normalisation", "l2", "cosine")},
    {"id": "UK07", "side": "port", "args": ntx(port="07_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.99", "second moment", "exp_avg_sq")},
    {"id": "UK08", "side": "port", "args": ntx(port="08_onedir_port.py"),
     "mechanism": "cross-entropy taken over the first N rows only (view 0 as anchors, one "
                  "direction) instead of all 2N rows of the similarity matrix",
     "expected": ("symmetric", "direction", "half", "rows", "2n")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UK09", "side": "numpy", "args": tri(numpy="09_normgrad_numpy.py"),
     "mechanism": "L2-normalisation backward as du = dE / |u|: the projection term "
                  "- e (e . dE) / |u| left out",
     "expected": ("normalization", "normalisation", "normalize", "projection", "norm")},
    {"id": "UK10", "side": "numpy", "args": tri(numpy="10_scatter_numpy.py"),
     "mechanism": "positive/negative gradients scattered with dE[idx] += d (buffered fancy "
                  "indexing) instead of np.add.at: repeated rows keep only one contribution",
     "expected": ("add.at", "scatter", "repeated", "duplicate", "index")},
    {"id": "UK11", "side": "numpy", "args": tri(numpy="11_anchorgrad_numpy.py"),
     "mechanism": "anchor gradient 2(a - p) only: the -2(a - n) term from the negative distance "
                  "is missing",
     "expected": ("anchor", "negative", "missing", "term")},
    {"id": "UK12", "side": "numpy", "args": tri(numpy="12_wdorder_numpy.py"),
     "mechanism": "weight decay added outside the momentum buffer (p -= lr (v + wd p), v from "
                  "the raw gradient) instead of into the gradient before the velocity",
     "expected": ("weight decay", "decay", "momentum", "velocity", "buffer")},
    {"id": "UK13", "side": "numpy", "args": ntx(numpy="13_ntxscale_numpy.py"),
     "mechanism": "softmax gradient divided by N (the number of pairs) instead of 2N (the rows "
                  "averaged by the loss): every gradient twice too large",
     "expected": ("mean", "2n", "twice", "factor", "scale", "reduction")},
    {"id": "UK14", "side": "numpy", "args": ntx(numpy="14_simgrad_numpy.py"),
     "mechanism": "similarity backward dz = dS @ z / tau: the dS.T @ z term of S = Z Z^T left "
                  "out (the gradient through the column side)",
     "expected": ("transpose", "symmetric", "dS.T", "similarity", "term")},
    {"id": "UK15", "side": "numpy", "args": ntx(numpy="15_biascorr_numpy.py"),
     "mechanism": "Adam step counter starts at 1 and is incremented before use: bias correction "
                  "with t + 1 (off by one step)",
     "expected": ("bias correction", "bias-correct", "step count", "off-by-one", "off by one")},
    {"id": "UK16", "side": "numpy", "args": ntx(numpy="16_relumask_numpy.py"),
     "mechanism": "ReLU backward masked by (h >= 0) on the activated values: always true, so the "
                  "gradient flows through inactive units",
     "expected": ("relu", "mask", "derivative", "inactive", "activation")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UK17", "side": "correct", "args": tri_alt(),
     "mechanism": "correct: weights kept (out, in), squared distance as 2 - 2 a.p on the unit "
                  "sphere, gathers and scatters by one-hot matrices, momentum buffer in place",
     "expected": ()},
    {"id": "UK18", "side": "correct", "args": ntx_alt_port(),
     "mechanism": "correct: port with raw nn.Parameters in the NumPy layout, einsum similarity, "
                  "diagonal pushed to -1e9 by torch.where, logsumexp minus the gathered positive",
     "expected": ()},
    {"id": "UK19", "side": "correct", "args": ntx(numpy="ntx_alt_numpy.py", cls="NTXentAlt"),
     "mechanism": "correct: NumPy encoder called once per view, einsum throughout, gradients of "
                  "the two views summed, Adam in place in torch's bias-correction form",
     "expected": ()},
]
