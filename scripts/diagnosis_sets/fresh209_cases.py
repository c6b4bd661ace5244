"""Two hundred and ninth fresh held-out set for the diagnosis: one planted bug per program in
fresh209/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is two-tower retrieval:
a query tower and an item tower (small MLPs) whose outputs are L2-normalised, scored against
each other by dot products over the whole batch (in-batch negatives) under a softmax scaled by a
learnable or a fixed temperature, trained with Adam written by hand.

The base programs (data from fresh209/make_data.py, fixed seed, nothing random while training):

    scale_numpy.py:TwoTowerRetriever / scale_torch.py:TwoTower, shuffled.npz X (32, 22) =
        [query features (12) | item features (10)], y (32,) int64 a permutation: the positive
        item of query i sits in row y[i] of the batch.
        Towers dense 12->32 / 10->32, ReLU, dense ->16, L2 normalise (weights kept (in, out) in
        a params dict; the port uses nn.Sequential and F.normalize). Logits =
        exp(logit_scale) * q e^T with a learnable 0-d logit_scale starting at log(1/0.07)
        (CLIP style); softmax cross-entropy of each row against y, mean over the batch.
        Adam lr 5e-3, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    sym_numpy.py:SymmetricTwoTower / sym_torch.py:SymmetricTwoTower, paired.npz X (48, 28) =
        [query features (16) | item features (12)], y (48,) = 0..47 (row i pairs query i with
        item i).
        Towers dense 16->24 / 12->24, tanh, dense ->12, L2 normalise (weights as attributes,
        kept (in, out)); logits = q e^T / tau with tau = 0.05 fixed; symmetric loss: the mean of
        the query->item (rows) and item->query (columns) cross-entropies with the diagonal as
        targets. Adam lr 3e-3 with L2 weight decay 1e-3 added to the gradient, as
        torch.optim.Adam(weight_decay=1e-3).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh209_cases

Each case:
    id          short name (prefixed WA)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one or two lines
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh209/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def scale(numpy="scale_numpy.py", port="scale_torch.py"):
    return [F + numpy + ":TwoTowerRetriever", "--torch", F + port + ":TwoTower",
            "--data", F + "shuffled.npz", "--as-written",
            "--param", "params['Wq1']=query_tower.0.weight.T",
            "--param", "params['bq1']=query_tower.0.bias",
            "--param", "params['Wq2']=query_tower.2.weight.T",
            "--param", "params['bq2']=query_tower.2.bias",
            "--param", "params['Wi1']=item_tower.0.weight.T",
            "--param", "params['bi1']=item_tower.0.bias",
            "--param", "params['Wi2']=item_tower.2.weight.T",
            "--param", "params['bi2']=item_tower.2.bias",
            "--param", "params['logit_scale']=logit_scale", *RUN]


def sym(numpy="sym_numpy.py", port="sym_torch.py", cls="SymmetricTwoTower"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":SymmetricTwoTower",
            "--data", F + "paired.npz", "--as-written",
            "--param", "Wq1=query_fc1.weight.T",
            "--param", "bq1=query_fc1.bias",
            "--param", "Wq2=query_fc2.weight.T",
            "--param", "bq2=query_fc2.bias",
            "--param", "Wi1=item_fc1.weight.T",
            "--param", "bi1=item_fc1.bias",
            "--param", "Wi2=item_fc2.weight.T",
            "--param", "bi2=item_fc2.bias", *RUN]


def scale_layers():
    return [F + "scale_alt_numpy.py:LayeredTwoTower", "--torch", F + "scale_torch.py:TwoTower",
            "--data", F + "shuffled.npz", "--as-written",
            "--param", "query_layers[0]['W']=query_tower.0.weight",
            "--param", "query_layers[0]['b']=query_tower.0.bias",
            "--param", "query_layers[1]['W']=query_tower.2.weight",
            "--param", "query_layers[1]['b']=query_tower.2.bias",
            "--param", "item_layers[0]['W']=item_tower.0.weight",
            "--param", "item_layers[0]['b']=item_tower.0.bias",
            "--param", "item_layers[1]['W']=item_tower.2.weight",
            "--param", "item_layers[1]['b']=item_tower.2.bias",
            "--param", "logit_scale=logit_scale", *RUN]


def scale_raw_port():
    return [F + "scale_numpy.py:TwoTowerRetriever", "--torch", F + "scale_alt_torch.py:RawTwoTower",
            "--data", F + "shuffled.npz", "--as-written",
            *[a for k in ("Wq1", "bq1", "Wq2", "bq2", "Wi1", "bi1", "Wi2", "bi2", "logit_scale")
              for a in ("--param", f"params['{k}']={k}")], *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WA01", "side": "port", "args": scale(port="01_normdim_port.py"),
     "mechanism": "F.normalize(..., dim=0) on both towers' outputs: each embedding column is "
                  "normalised over the batch instead of each row (embedding) over its features",
     "expected": ("normalize", "normalise", "dim", "axis", "l2")},
    {"id": "WA02", "side": "port", "args": scale(port="02_noexp_port.py"),
     "mechanism": "the similarities multiplied by logit_scale itself instead of "
                  "logit_scale.exp(): the log-temperature used as the scale",
     "expected": ("exp", "logit_scale", "logit scale", "temperature", "log")},
    {"id": "WA03", "side": "port", "args": scale(port="03_diaglabels_port.py"),
     "mechanism": "cross-entropy targets torch.arange(N) (positives assumed on the diagonal) "
                  "instead of y, the shuffled rows of each query's positive item",
     "expected": ("label", "target", "diagonal", "arange", "index")},
    {"id": "WA04", "side": "port", "args": scale(port="04_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate over "
                  "steps, from step 2 on",
     "expected": ("zero_grad", "accumulat", "reset", "stale")},
    {"id": "WA05", "side": "port", "args": sym(port="05_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment decays faster",
     "expected": ("beta2", "beta", "second moment", "exp_avg_sq", "0.99")},
    {"id": "WA06", "side": "port", "args": sym(port="06_adamw_port.py"),
     "mechanism": "torch.optim.AdamW(weight_decay=1e-3): decoupled weight decay where the NumPy "
                  "program adds the L2 term to the gradient (coupled, Adam(weight_decay))",
     "expected": ("weight decay", "weight_decay", "decoupled", "adamw", "l2")},
    {"id": "WA07", "side": "port", "args": sym(port="07_sumdirs_port.py"),
     "mechanism": "symmetric loss summed: CE(rows) + CE(columns) without the 1/2 average, so the "
                  "loss and every gradient are twice the NumPy program's",
     "expected": ("factor 2", "twice", "sum", "average", "0.5")},
    {"id": "WA08", "side": "port", "args": sym(port="08_detachitems_port.py"),
     "mechanism": "the item embeddings .detach()-ed before the score matrix: no gradient reaches "
                  "the item tower, which never updates",
     "expected": ("detach", "no gradient", "item", "stop-gradient", "never updated")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WA09", "side": "numpy", "args": scale(numpy="09_normgrad_numpy.py"),
     "mechanism": "L2-normalisation backward as dz = de / |z|: the projection term "
                  "- e (e . de) / |z| of the normalisation's Jacobian left out (both towers)",
     "expected": ("normaliz", "normalis", "projection", "jacobian", "norm")},
    {"id": "WA10", "side": "numpy", "args": scale(numpy="10_scalegrad_numpy.py"),
     "mechanism": "logit_scale gradient as sum(dlogits * q e^T): the factor exp(logit_scale) of "
                  "the chain rule through exp left out (only that gradient is wrong)",
     "expected": ("logit_scale", "logit scale", "exp", "temperature", "chain")},
    {"id": "WA11", "side": "numpy", "args": scale(numpy="11_stepcount_numpy.py"),
     "mechanism": "Adam step count t incremented inside the loop over parameters (9 per step): "
                  "every parameter's bias correction uses a wrong, growing t",
     "expected": ("bias correction", "bias-correct", "step count", "step_count", "counter")},
    {"id": "WA12", "side": "numpy", "args": scale(numpy="12_diagonehot_numpy.py"),
     "mechanism": "backward subtracts the one-hot at the diagonal (arange(N)) while the forward "
                  "loss uses the positives y: the softmax gradient's target index is wrong",
     "expected": ("one-hot", "onehot", "target", "label", "diagonal", "index")},
    {"id": "WA13", "side": "numpy", "args": scale(numpy="13_relumask_numpy.py"),
     "mechanism": "copy-paste slip in the item tower's backward: its ReLU mask taken from the "
                  "query tower's pre-activation (z1q > 0) instead of its own (z1i > 0)",
     "expected": ("relu", "mask", "derivative", "item", "activation")},
    {"id": "WA14", "side": "numpy", "args": sym(numpy="14_coltranspose_numpy.py"),
     "mechanism": "item->query (column) cross-entropy gradient, computed on logits.T, added to "
                  "dlogits without transposing it back",
     "expected": ("transpose", "column", "symmetric", "logits.t", "direction")},
    {"id": "WA15", "side": "numpy", "args": sym(numpy="15_epssqrt_numpy.py"),
     "mechanism": "Adam denominator sqrt(v_hat + eps) instead of sqrt(v_hat) + eps: eps inside "
                  "the square root",
     "expected": ("eps", "epsilon", "sqrt", "denominator")},
    {"id": "WA16", "side": "numpy", "args": sym(numpy="16_tanhpre_numpy.py"),
     "mechanism": "tanh derivative as 1 - pre**2 on the pre-activation instead of 1 - tanh(pre)**2 "
                  "(both towers' first layers)",
     "expected": ("tanh", "derivative", "pre-activation", "activation")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WA17", "side": "correct", "args": scale_layers(),
     "mechanism": "correct: NumPy towers as lists of layer dicts with W kept (out, in), einsum "
                  "products, normalisation backward through its Jacobian, in-place Adam with m_hat/v_hat",
     "expected": ()},
    {"id": "WA18", "side": "correct", "args": scale_raw_port(),
     "mechanism": "correct: port with raw nn.Parameters kept (in, out), hand-written L2 norm, "
                  "einsum scores, loss as -log_softmax gathered at y",
     "expected": ()},
    {"id": "WA19", "side": "correct",
     "args": sym(numpy="sym_alt_numpy.py", cls="SymmetricTwoTowerAlt"),
     "mechanism": "correct: symmetric NumPy program with the column loss as a log-softmax over "
                  "axis 0 (no transposes), tanh' as 1/cosh^2, Adam with explicit m_hat/v_hat",
     "expected": ()},
]
