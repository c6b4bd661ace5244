"""One hundred and ninety-sixth fresh held-out set for the diagnosis: one planted bug per program in
fresh196/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is siamese and pairwise
networks: a shared tower MLP applied to two inputs given side by side in X, either a contrastive
loss with a margin on the Euclidean distance of raw embeddings (y = 1 similar, 0 dissimilar) or a
logistic pairwise ranking of the two towers' scores over L2-normalised embeddings; SGD with
momentum or Adam written by hand.

The base programs (data from fresh196/make_data.py, fixed seed, nothing random while training):

    contrast_numpy.py:SiameseContrastive / contrast_torch.py:SiameseNet, contrast.npz
        X (32, 12) = two 6-d items side by side, y (32,) float in {0, 1} (1 = similar pair)
        shared tower Linear 6->16, tanh, Linear 16->8 (NumPy: params dict, W kept (in, out));
        d = sqrt(sum((e1 - e2)^2) + 1e-8); loss = 0.5 * mean(y d^2 + (1 - y) max(2 - d, 0)^2)
        (margin 2.0). SGD lr 0.05 momentum 0.9 (v = mu v + g; p -= lr v).
    rank_numpy.py:PairRanker / rank_torch.py:PairRanker, rank.npz
        X (48, 10) = two 5-d items side by side, y (48,) float in {0, 1} (1 = first item ranks higher)
        shared tower Linear 5->12, ReLU, Linear 12->6, L2-normalised (z = e / ||e||), score
        s = z @ w (w kept (6, 1), torch Linear(6, 1, bias=False)); loss = mean(softplus(-t (s1 - s2))),
        t = 2y - 1 (torch: binary_cross_entropy_with_logits(s1 - s2, y)). Adam lr 0.01, betas
        (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh196_cases

Each case:
    id          short name (prefixed VN)
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

F = "scripts/diagnosis_sets/fresh196/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def contrast(numpy="contrast_numpy.py", port="contrast_torch.py"):
    return [F + numpy + ":SiameseContrastive", "--torch", F + port + ":SiameseNet",
            "--data", F + "contrast.npz", "--as-written",
            "--param", "params['W1']=tower.0.weight.T",
            "--param", "params['b1']=tower.0.bias",
            "--param", "params['W2']=tower.2.weight.T",
            "--param", "params['b2']=tower.2.bias", *RUN]


def contrast_alt_numpy():
    return [F + "contrast_alt_numpy.py:SiameseEinsum", "--torch", F + "contrast_torch.py:SiameseNet",
            "--data", F + "contrast.npz", "--as-written",
            "--param", "W1=tower.0.weight",
            "--param", "b1=tower.0.bias",
            "--param", "W2=tower.2.weight",
            "--param", "b2=tower.2.bias", *RUN]


def contrast_alt_port():
    return [F + "contrast_numpy.py:SiameseContrastive", "--torch", F + "contrast_alt_torch.py:TwinTower",
            "--data", F + "contrast.npz", "--as-written",
            "--param", "params['W1']=layers.0.weight.T",
            "--param", "params['b1']=layers.0.bias",
            "--param", "params['W2']=layers.1.weight.T",
            "--param", "params['b2']=layers.1.bias", *RUN]


def rank(numpy="rank_numpy.py", port="rank_torch.py"):
    return [F + numpy + ":PairRanker", "--torch", F + port + ":PairRanker",
            "--data", F + "rank.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--param", "params['w']=score.weight.T", *RUN]


def rank_alt_port():
    return [F + "rank_numpy.py:PairRanker", "--torch", F + "rank_alt_torch.py:RankerParams",
            "--data", F + "rank.npz", "--as-written",
            "--param", "params['W1']=W1",
            "--param", "params['b1']=b1",
            "--param", "params['W2']=W2",
            "--param", "params['b2']=b2",
            "--param", "params['w']=w", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VN01", "side": "port", "args": contrast(port="01_labelswap_port.py"),
     "mechanism": "contrastive loss with the label convention swapped: (1 - y) d^2 + y max(m - d, 0)^2, "
                  "pulling dissimilar pairs together and pushing similar ones apart",
     "expected": ("label", "swapped", "similar", "dissimilar", "contrastive")},
    {"id": "VN02", "side": "port", "args": contrast(port="02_sumloss_port.py"),
     "mechanism": "contrastive loss reduced with .sum() over the 32 pairs instead of .mean(): loss and "
                  "every gradient 32 times too large",
     "expected": ("sum", "mean", "reduction", "batch size", "32")},
    {"id": "VN03", "side": "port", "args": contrast(port="03_sliceoff_port.py"),
     "mechanism": "second tower fed X[:, d_in - 1:-1] instead of X[:, d_in:]: the second half sliced "
                  "one column early (off by one), last feature of item 1 in, last of item 2 out",
     "expected": ("slice", "off-by-one", "off by one", "index", "column", "second input")},
    {"id": "VN04", "side": "port", "args": contrast(port="04_hingesq_port.py"),
     "mechanism": "dissimilar term of the contrastive loss not squared: (1 - y) max(m - d, 0) instead "
                  "of (1 - y) max(m - d, 0)^2",
     "expected": ("square", "hinge", "margin", "dissimilar", "loss")},
    {"id": "VN05", "side": "port", "args": rank(port="05_normdim_port.py"),
     "mechanism": "F.normalize(..., dim=0): embeddings L2-normalised over the batch axis instead of "
                  "each row over its features (dim=1)",
     "expected": ("normalize", "dim", "axis", "l2", "norm")},
    {"id": "VN06", "side": "port", "args": rank(port="06_betas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.999", "second moment", "adam")},
    {"id": "VN07", "side": "port", "args": rank(port="07_ranksign_port.py"),
     "mechanism": "ranking logit written s2 - s1 instead of s1 - s2: the score difference has the "
                  "wrong sign, so the loss prefers the wrong item",
     "expected": ("sign", "s1 - s2", "order", "ranking", "flipped")},
    {"id": "VN08", "side": "port", "args": rank(port="08_detach_port.py"),
     "mechanism": "second tower's normalised embedding .detach()ed before the score: no gradient "
                  "flows through the second input into the shared tower (the score weight still gets one)",
     "expected": ("detach", "no gradient", "second tower", "stop", "graph")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VN09", "side": "numpy", "args": contrast(numpy="09_tanhgrad_numpy.py"),
     "mechanism": "tanh derivative written 1 - h instead of 1 - h^2 in the tower backward",
     "expected": ("tanh", "derivative", "1 - h", "backward", "activation")},
    {"id": "VN10", "side": "numpy", "args": contrast(numpy="10_tower2sign_numpy.py"),
     "mechanism": "second tower backpropagated with +ddiff instead of -ddiff: the sign of "
                  "d(e1 - e2)/de2 lost, so the shared-weight gradient adds the wrong contribution",
     "expected": ("sign", "second tower", "e2", "minus", "negative")},
    {"id": "VN11", "side": "numpy", "args": contrast(numpy="11_hingemask_numpy.py"),
     "mechanism": "contrastive backward uses (m - d) instead of max(m - d, 0) for dissimilar pairs: "
                  "the hinge mask is missing, pairs already beyond the margin still get a gradient",
     "expected": ("hinge", "mask", "margin", "max", "inactive", "clamp")},
    {"id": "VN12", "side": "numpy", "args": contrast(numpy="12_velreset_numpy.py"),
     "mechanism": "momentum velocity re-created as zeros at every train_step: the state is not "
                  "carried, so the update is plain SGD (agrees at step 1, parts at step 2)",
     "expected": ("momentum", "velocity", "reset", "state", "buffer")},
    {"id": "VN13", "side": "numpy", "args": rank(numpy="13_biascorr_numpy.py"),
     "mechanism": "Adam bias correction with t + 1 after t was already incremented "
                  "(1 - beta^(t+1)): off by one step in both corrections",
     "expected": ("bias correction", "bias-correct", "step", "off by one", "off-by-one", "t + 1")},
    {"id": "VN14", "side": "numpy", "args": rank(numpy="14_normgrad_numpy.py"),
     "mechanism": "L2-normalisation backward as dz / ||e|| only: the projection term "
                  "- z (z . dz) / ||e|| is missing (the norm treated as a constant)",
     "expected": ("normalize", "normalization", "normalisation", "norm", "projection", "l2")},
    {"id": "VN15", "side": "numpy", "args": rank(numpy="15_sigmoidsign_numpy.py"),
     "mechanism": "logistic loss gradient written -t sigmoid(margin) instead of -t sigmoid(-margin): "
                  "the sign in the exponent of the softplus derivative is wrong",
     "expected": ("sigmoid", "softplus", "sign", "logistic", "derivative")},
    {"id": "VN16", "side": "numpy", "args": rank(numpy="16_epsinsqrt_numpy.py"),
     "mechanism": "Adam eps placed inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "square root", "adam")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VN17", "side": "correct", "args": contrast_alt_numpy(),
     "mechanism": "correct: NumPy contrastive net with weights kept (out, in), both halves stacked "
                  "and run through the tower by einsum, the margin written as a mask, in-place momentum",
     "expected": ()},
    {"id": "VN18", "side": "correct", "args": rank_alt_port(),
     "mechanism": "correct: ranking port with raw nn.Parameters in (in, out) layout, one tower pass on "
                  "both halves concatenated, e / e.norm(), softplus(-t (s1 - s2)) loss",
     "expected": ()},
    {"id": "VN19", "side": "correct", "args": contrast_alt_port(),
     "mechanism": "correct: contrastive port with a ModuleList tower run once on both halves "
                  "concatenated, torch.where / relu loss, grads set to None, two parameter groups",
     "expected": ()},
]
