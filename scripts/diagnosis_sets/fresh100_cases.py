"""Hundredth fresh held-out set for the diagnosis: one planted bug per program in fresh100/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is metric learning written by hand: embedding networks whose one tower is shared by
the points it compares. A siamese network (tanh tower, linear embedding) over pairs stored as two
column blocks of X, the Euclidean distance with a small epsilon inside the square root and the
contrastive loss 0.5 * (y d^2 + (1 - y) max(0, m - d)^2) averaged over the pairs, trained by SGD
with heavy-ball momentum, weight decay on the weights only (two parameter groups) and a StepLR
schedule; a triplet network (ReLU tower) that embeds every point once, L2-normalises the
embeddings as e / sqrt(|e|^2 + eps) and reads its triplets as index arrays (the columns of y) into
X, with the triplet margin loss on squared Euclidean distances, a margin schedule growing with the
update count, and AdamW; and a triplet network on cosine distances (the three points of each
triplet stored as column blocks of X, mini-batches of 20) with global-norm gradient clipping and
RMSprop (alpha 0.9). The NumPy programs write the backward through the distances, the
normalisation and the hinge by hand. fresh100/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh100_cases

Each case:
    id          short name (prefixed RV)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh100/"

PAIRS, POINTS, TRIPLETS = F + "pairs.npz", F + "points.npz", F + "triplets.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


LINEAR_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                       "params['b2']=fc2.bias")
SIAM = ("--data", PAIRS, *LINEAR_PARAMS)
SIAM_ALT = ("--data", PAIRS, *params("params['fc1_w']=fc1.weight", "params['fc1_b']=fc1.bias",
                                     "params['fc2_w']=fc2.weight", "params['fc2_b']=fc2.bias"))
TRIP = ("--data", POINTS, *LINEAR_PARAMS)
TRIP_P = ("--data", POINTS, *params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2",
                                    "params['b2']=b2"))
COS = ("--data", TRIPLETS, "--batch-size", "20", *LINEAR_PARAMS, "--state", "square_avg=net.sq")
COS_SEQ = ("--data", TRIPLETS, "--batch-size", "20",
           *params("params['W1']=tower.0.weight.T", "params['b1']=tower.0.bias",
                   "params['W2']=tower.2.weight.T", "params['b2']=tower.2.bias"),
           "--state", "square_avg=net.sq")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RV01_siam_label_swap", side="port",
         args=pair("siamese_numpy.py", "SiameseNet", "01_siam_label_swap_port.py", "SiameseNet", *SIAM),
         mechanism="pair: the port's contrastive loss swaps the label convention, (1 - y) d^2 + y relu(m - d)^2 "
                   "instead of y d^2 + (1 - y) relu(m - d)^2: similar pairs (y = 1) get the margin hinge and "
                   "dissimilar pairs are pulled together, so the loss and every gradient differ from step 1",
         expected=("label", "labels", "swapped", "inverted", "1 - y", "convention", "similar", "dissimilar",
                   "contrastive", "margin", "hinge", "pull", "push", "loss", "y = 1")),
    dict(id="RV02_siam_detach_tower", side="port",
         args=pair("siamese_numpy.py", "SiameseNet", "02_siam_detach_tower_port.py", "SiameseNet", *SIAM),
         mechanism="pair: the port's forward returns self.embed(x2).detach(): the second branch of the shared "
                   "tower is cut from the graph, so the loss is right but each gradient keeps only the x1 "
                   "branch's contribution and loses the x2 branch's (the shared weights' gradient is not the "
                   "sum over both uses)",
         expected=("detach", "shared", "siamese", "tower", "branch", "second", "no gradient", "stop gradient",
                   "gradient path", "missing term", "autograd", "both uses", "sum of", "weight sharing",
                   "x2")),
    dict(id="RV03_siam_decay_biases", side="port",
         args=pair("siamese_numpy.py", "SiameseNet", "03_siam_decay_biases_port.py", "SiameseNet", *SIAM),
         mechanism="pair: the port builds SGD(model.parameters(), weight_decay=WD) instead of its two parameter "
                   "groups: the biases are decayed too, so their momentum buffers and updates gain WD * b (a "
                   "difference proportional to the bias, from step 2 since the biases start at zero) while the "
                   "gradients and the weights' updates agree",
         expected=("weight decay", "weight_decay", "bias", "biases", "param groups", "parameter groups",
                   "no_decay", "decay", "proportional to the parameter", "wd * b", "momentum buffer",
                   "sgd", "optimizer", "l2", "b1")),
    dict(id="RV04_trip_adam_l2", side="port",
         args=pair("triplet_numpy.py", "TripletNet", "04_trip_adam_l2_port.py", "TripletNet", *TRIP),
         mechanism="pair: the port uses torch.optim.Adam(weight_decay=WD) instead of AdamW: the decay is added "
                   "to the gradient (L2, passed through the moments and the 1/sqrt(v) scaling) instead of "
                   "decoupled p *= 1 - lr * WD, so the moments and every update differ while the gradients agree",
         expected=("adamw", "adam", "weight decay", "decoupled", "coupled", "l2", "weight_decay", "optimizer",
                   "exp_avg", "moments", "update", "proportional to the parameter", "lr * wd", "decay",
                   "regulariz")),
    dict(id="RV05_trip_margin_ahead", side="port",
         args=pair("triplet_numpy.py", "TripletNet", "05_trip_margin_ahead_port.py", "TripletNet", *TRIP),
         mechanism="pair: the port's margin schedule uses steps_done + 1, one step ahead: every step until the "
                   "cap uses a margin 0.05 larger (0.35 at the first step instead of 0.3), so the loss, the set "
                   "of active triplets and the gradients differ",
         expected=("margin", "schedule", "off by one", "off-by-one", "one step ahead", "step count", "counter",
                   "steps_done", "triplet", "hinge", "loss", "m0", "t + 1", "first step", "margin schedule")),
    dict(id="RV06_trip_normalize_dim0", side="port",
         args=pair("triplet_numpy.py", "TripletNet", "06_trip_normalize_dim0_port.py", "TripletNet", *TRIP),
         mechanism="pair: the port's L2 normalisation sums over dim=0 instead of dim=1: each embedding "
                   "coordinate is divided by its norm over the batch instead of each embedding by its own "
                   "norm, so the embeddings are not unit vectors and the distances, loss and gradients differ",
         expected=("normaliz", "normalis", "l2", "dim=0", "dim=1", "axis", "wrong axis", "unit norm",
                   "per row", "over the batch", "embedding", "norm", "keepdim", "shape", "broadcast")),
    dict(id="RV07_cos_clip_per_param", side="port",
         args=pair("cosine_triplet_numpy.py", "CosineTripletNet", "07_cos_clip_per_param_port.py",
                   "CosineTripletNet", *COS),
         mechanism="pair: the port calls clip_grad_norm_ on each parameter separately instead of once over "
                   "all: each tensor whose own norm exceeds MAX_NORM is scaled to it by itself, so the clipped "
                   "gradients differ "
                   "from the global-norm ones (one common factor) and so do the RMSprop states and updates",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "per parameter", "per-parameter",
                   "each parameter", "total norm", "max_norm", "gradient norm", "scale", "factor",
                   "separately", "all parameters")),
    dict(id="RV08_cos_rms_alpha", side="port",
         args=pair("cosine_triplet_numpy.py", "CosineTripletNet", "08_cos_rms_alpha_port.py",
                   "CosineTripletNet", *COS),
         mechanism="pair: the port builds RMSprop without alpha=ALPHA, so torch's default alpha 0.99 is used "
                   "instead of 0.9: the squared-gradient average moves ten times slower (square_avg starts at "
                   "0.01 g^2 instead of 0.1 g^2) and every update differs while the gradients agree",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "smoothing", "decay rate", "square_avg",
                   "squared gradient", "moving average", "optimizer", "hyperparameter", "update",
                   "denominator")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RV09_siam_hinge_on_d2", side="numpy",
         args=pair("09_siam_hinge_sq_numpy.py", "SiameseNet", "siamese_torch.py", "SiameseNet", *SIAM),
         mechanism="pair: the NumPy hinge is max(0, MARGIN - d2), the margin compared with the squared distance "
                   "instead of the distance d: the dissimilar-pair term of the loss, the set of pairs inside the "
                   "margin and their gradients all differ (the similar-pair term is right)",
         expected=("hinge", "margin", "squared distance", "d^2", "d2", "distance", "contrastive", "dissimilar",
                   "max(0", "m - d", "sqrt", "loss", "forward", "inside the margin")),
    dict(id="RV10_siam_sqrt_chain", side="numpy",
         args=pair("10_siam_sqrt_chain_numpy.py", "SiameseNet", "siamese_torch.py", "SiameseNet", *SIAM),
         mechanism="pair: the backward of the dissimilar term drops the 1/d of d(d)/d(diff) = diff / d, using "
                   "-hinge * diff instead of -hinge * diff / d: the chain rule through the square root is "
                   "missing, so the gradients are wrong (scaled by d for the dissimilar pairs) while the loss "
                   "is right",
         expected=("chain rule", "sqrt", "square root", "1/d", "divide by d", "distance", "derivative",
                   "backward", "gradient", "dissimilar", "hinge", "missing factor", "euclidean", "diff / d")),
    dict(id="RV11_siam_step_float", side="numpy",
         args=pair("11_siam_step_float_numpy.py", "SiameseNet", "siamese_torch.py", "SiameseNet", *SIAM),
         mechanism="pair: the step schedule is written LR * GAMMA ** (t / STEP), true division instead of "
                   "floor division: the learning rate decays smoothly (exponentially, by 0.5^(1/8) per update) "
                   "from step 2 instead of halving every 8 updates, so the updates are smaller than torch's "
                   "StepLR ones between the drops",
         expected=("schedule", "steplr", "step decay", "learning rate", "floor", "//", "integer division",
                   "exponential", "gamma", "decay", "step_size", "lr", "every 8", "smooth")),
    dict(id="RV12_trip_norm_jacobian", side="numpy",
         args=pair("12_trip_norm_jacobian_numpy.py", "TripletNet", "triplet_torch.py", "TripletNet", *TRIP),
         mechanism="pair: the backward through u = e / |e| is de = du / r, the norm treated as a constant: the "
                   "projection term - u (u . du) / r of the normalisation's Jacobian is missing, so the "
                   "gradients of every parameter are wrong (they keep a component along the embedding) while "
                   "the loss is right",
         expected=("normaliz", "normalis", "l2 normal", "jacobian", "projection", "norm", "constant",
                   "backward", "gradient", "unit", "embedding", "missing term", "derivative", "u . du")),
    dict(id="RV13_trip_index_order", side="numpy",
         args=pair("13_trip_index_order_numpy.py", "TripletNet", "triplet_torch.py", "TripletNet", *TRIP),
         mechanism="pair: the NumPy program unpacks the index columns as (anchor, negative, positive) instead "
                   "of (anchor, positive, negative): positives and negatives are swapped, so the loss pulls "
                   "anchors toward the negatives; loss, active triplets and gradients all differ",
         expected=("index", "indices", "positive", "negative", "swapped", "order", "columns", "triplet",
                   "anchor", "unpack", "data", "y", "mining", "wrong column", "labels")),
    dict(id="RV14_trip_decay_no_lr", side="numpy",
         args=pair("14_trip_decay_no_lr_numpy.py", "TripletNet", "triplet_torch.py", "TripletNet", *TRIP),
         mechanism="pair: the decoupled weight decay is p *= 1 - WD instead of p *= 1 - lr * WD: every "
                   "parameter shrinks by 1% per step instead of 0.005%, the decay 1/lr = 200 times too strong, "
                   "a difference in the updates proportional to the parameter while gradients and moments agree",
         expected=("weight decay", "decoupled", "adamw", "learning rate", "lr * wd", "proportional to the "
                   "parameter", "shrink", "decay", "update", "optimizer", "multiplied by lr", "scaled",
                   "missing lr", "wd")),
    dict(id="RV15_cos_clip_sq_norm", side="numpy",
         args=pair("15_cos_clip_sq_norm_numpy.py", "CosineTripletNet", "cosine_triplet_torch.py",
                   "CosineTripletNet", *COS),
         mechanism="pair: the global gradient norm for clipping is the sum of squares without the square root: "
                   "the clip coefficient MAX_NORM / |g|^2 differs from MAX_NORM / |g| (no clipping where "
                   "|g|^2 < MAX_NORM), so the clipped gradients, the RMSprop averages and the updates differ by "
                   "one common factor per step",
         expected=("clip", "clipping", "norm", "global norm", "sqrt", "square root", "squared norm",
                   "sum of squares", "clip_grad_norm", "max_norm", "coefficient", "factor", "scale",
                   "gradient norm")),
    dict(id="RV16_cos_mask_no_margin", side="numpy",
         args=pair("16_cos_mask_no_margin_numpy.py", "CosineTripletNet", "cosine_triplet_torch.py",
                   "CosineTripletNet", *COS),
         mechanism="pair: the hinge's active mask is (d_ap - d_an > 0), the margin left out: triplets that "
                   "satisfy the order but lie within the margin count in the loss and get no gradient, so the "
                   "gradients are too small (missing those triplets) while the loss is right",
         expected=("hinge", "margin", "mask", "active", "indicator", "triplet", "backward", "gradient",
                   "relu", "derivative", "subgradient", "within the margin", "missing", "max(0")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RV17_siam_alt_numpy", side="correct",
         args=pair("siamese_alt_numpy.py", "SiameseAlt", "siamese_torch.py", "SiameseNet", *SIAM_ALT),
         mechanism="pair: the siamese network in NumPy with (out, in) weights under other names, both branches "
                   "through the tower in one np.vstack batch, np.einsum products, np.clip for the hinge, the "
                   "gradient taken with respect to d first, in-place momentum buffers, a per-parameter decay "
                   "table and the StepLR bookkept as a running learning rate; against the nn.Linear port",
         expected=()),
    dict(id="RV18_trip_raw_param_port", side="correct",
         args=pair("triplet_numpy.py", "TripletNet", "triplet_params_torch.py", "TripletParams", *TRIP_P),
         mechanism="pair: triplet port with raw (in, out) nn.Parameters used as X @ W, torch.rsqrt "
                   "normalisation, torch.index_select gathering, squared torch.linalg.vector_norm distances, "
                   "F.relu hinge, AdamW(foreach=False) and the margin counter kept in the optimizer's "
                   "param_groups", expected=()),
    dict(id="RV19_cos_sequential_port", side="correct",
         args=pair("cosine_triplet_numpy.py", "CosineTripletNet", "cosine_seq_torch.py", "CosineSeq", *COS_SEQ),
         mechanism="pair: cosine triplet port with an nn.Sequential tower run once on the three blocks stacked "
                   "along the rows (split, cat, chunk), rsqrt norms, clamp_min hinge, global-norm clipping "
                   "written by hand and RMSprop(foreach=False)", expected=()),
]
