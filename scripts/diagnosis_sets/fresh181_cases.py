"""One hundred and eighty-first fresh held-out set for the diagnosis: one planted bug per program
in fresh181/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is normalising flows
trained by maximum likelihood: RealNVP-style affine coupling layers (a small MLP giving a scale
through tanh and a shift for half of the coordinates), alternating masks, reversals or fixed
permutations between layers, the log-determinant summed over layers, a standard normal base
density; the loss is the negative log-likelihood averaged over the batch. The NumPy side writes
the whole backward through the coupling layers by hand.

The base programs (data from fresh181/make_data.py, fixed seed, nothing random while training;
y is stored but unused):

    ring_numpy.py:RingFlow / ring_torch.py:RingFlow, ring.npz X (48, 4)
        4 couplings: xa = x[:, :2] conditions xb = x[:, 2:] through h = tanh(xa W1 + b1),
        s = tanh(h Ws + bs), t = h Wt + bt (separate scale and shift heads, W kept (in, out));
        yb = xb exp(s) + t, log-det sum(s); the coordinates reversed after every layer
        (torch: x.flip(1)). Adam lr 1e-2, betas (0.9, 0.999), eps 1e-8, as torch.optim.Adam.
    moons_numpy.py:MoonsFlow / moons_torch.py:MoonsFlow, moons.npz X (64, 2)
        4 masked couplings, mask [1, 0] on even layers and [0, 1] on odd ones; a ReLU MLP on
        x * m gives [r, t] (one output layer 24 -> 4); s = scale * tanh(r) * (1 - m) with a
        learnable per-coordinate scale, t * (1 - m); y = x m + (1 - m)(x exp(s) + t).
        SGD lr 0.05, momentum 0.9 (v = mu v + g; w -= lr v), as torch.optim.SGD.
    mix6_numpy.py:Mix6Flow / mix6_torch.py:Mix6Flow, mix6.npz X (40, 6)
        4 couplings, xa = x[:, :3], leaky-ReLU(0.1) MLP 3 -> 32 -> 6 giving [r, t], s = tanh(r),
        each layer followed by a fixed permutation from np.random.default_rng(7) (a gather
        y[:, perm]). AdamW lr 5e-3, weight decay 1e-2 (decoupled), as torch.optim.AdamW.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh181_cases

Each case:
    id          short name (prefixed UY)
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

F = "scripts/diagnosis_sets/fresh181/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]
LAYERS = range(4)


def ring(numpy="ring_numpy.py", port="ring_torch.py", cls="RingFlow"):
    args = [F + numpy + ":" + cls, "--torch", F + port + ":RingFlow",
            "--data", F + "ring.npz", "--as-written"]
    for i in LAYERS:
        args += ["--param", f"params['W1_{i}']=couplings.{i}.hidden.weight.T",
                 "--param", f"params['b1_{i}']=couplings.{i}.hidden.bias",
                 "--param", f"params['Ws_{i}']=couplings.{i}.scale.weight.T",
                 "--param", f"params['bs_{i}']=couplings.{i}.scale.bias",
                 "--param", f"params['Wt_{i}']=couplings.{i}.shift.weight.T",
                 "--param", f"params['bt_{i}']=couplings.{i}.shift.bias"]
    return args + RUN


def moons(numpy="moons_numpy.py", port="moons_torch.py"):
    args = [F + numpy + ":MoonsFlow", "--torch", F + port + ":MoonsFlow",
            "--data", F + "moons.npz", "--as-written"]
    for i in LAYERS:
        args += ["--param", f"params['l{i}.W1']=layers.{i}.net.0.weight.T",
                 "--param", f"params['l{i}.b1']=layers.{i}.net.0.bias",
                 "--param", f"params['l{i}.W2']=layers.{i}.net.2.weight.T",
                 "--param", f"params['l{i}.b2']=layers.{i}.net.2.bias",
                 "--param", f"params['l{i}.scale']=layers.{i}.scale"]
    return args + RUN


def moons_flat():
    args = [F + "moons_numpy.py:MoonsFlow", "--torch", F + "moons_alt_torch.py:FlatMoonsFlow",
            "--data", F + "moons.npz", "--as-written"]
    for i in LAYERS:
        args += ["--param", f"params['l{i}.W1']=W1s.{i}",
                 "--param", f"params['l{i}.b1']=b1s.{i}",
                 "--param", f"params['l{i}.W2']=W2s.{i}",
                 "--param", f"params['l{i}.b2']=b2s.{i}",
                 "--param", f"params['l{i}.scale']=scales.{i}"]
    return args + RUN


def mix6(numpy="mix6_numpy.py", port="mix6_torch.py", cls="Mix6Flow", layout=".T"):
    args = [F + numpy + ":" + cls, "--torch", F + port + ":Mix6Flow",
            "--data", F + "mix6.npz", "--as-written"]
    for i in LAYERS:
        args += ["--param", f"params['c{i}_W1']=flows.{i}.fc1.weight{layout}",
                 "--param", f"params['c{i}_b1']=flows.{i}.fc1.bias",
                 "--param", f"params['c{i}_W2']=flows.{i}.fc2.weight{layout}",
                 "--param", f"params['c{i}_b2']=flows.{i}.fc2.bias"]
    return args + RUN


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UY01", "side": "port", "args": ring(port="01_logdetsum_port.py"),
     "mechanism": "each coupling returns s.sum() (over the batch too) instead of s.sum(dim=1): "
                  "every sample gets the batch's total log-determinant, the log-det term N times too large",
     "expected": ("log-det", "logdet", "determinant", "sum", "reduction", "batch")},
    {"id": "UY02", "side": "port", "args": ring(port="02_logconst_port.py"),
     "mechanism": "base log-density constant -0.5 log(2 pi) taken once per sample instead of "
                  "D times (the dimension left out): the loss is off by a constant, gradients unchanged",
     "expected": ("constant", "log(2", "2 pi", "normalising", "normalizing", "dimension")},
    {"id": "UY03", "side": "port", "args": ring(port="03_flipaxis_port.py"),
     "mechanism": "the reversal between couplings is x.flip(0) (the batch axis) instead of "
                  "x.flip(1): the coordinates are never permuted, every layer transforms the same half",
     "expected": ("flip", "axis", "dim", "permutation", "reverse")},
    {"id": "UY04", "side": "port", "args": moons(port="04_samemask_port.py"),
     "mechanism": "masks built as arange(dim) % 2 == 0 for every layer (the layer index left out): "
                  "the masks do not alternate, the same coordinate is transformed by all couplings",
     "expected": ("mask", "alternat", "parity", "checkerboard", "layer")},
    {"id": "UY05", "side": "port", "args": moons(port="05_shiftmask_port.py"),
     "mechanism": "shift t not multiplied by (1 - mask) and the coupling written y = x exp(s) + t: "
                  "the conditioning coordinate is shifted too",
     "expected": ("mask", "shift", "translation", "1 - m", "t")},
    {"id": "UY06", "side": "port", "args": moons(port="06_dampening_port.py"),
     "mechanism": "torch.optim.SGD(momentum=0.9, dampening=0.9): the gradient enters the "
                  "velocity scaled by 0.1 from step 2 on, where the NumPy program adds it whole",
     "expected": ("dampening", "momentum", "velocity", "0.1")},
    {"id": "UY07", "side": "port", "args": mix6(port="07_permscatter_port.py"),
     "mechanism": "the fixed permutation applied as a scatter (out[:, perm] = y) instead of the "
                  "gather y[:, perm]: the inverse permutation",
     "expected": ("permutation", "inverse", "scatter", "gather", "perm")},
    {"id": "UY08", "side": "port", "args": mix6(port="08_adamcoupled_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=1e-2) instead of AdamW: the decay is added to "
                  "the gradient (L2, through the moments) instead of decoupled",
     "expected": ("weight decay", "decoupled", "adamw", "l2", "coupled")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UY09", "side": "numpy", "args": ring(numpy="09_tanhpre_numpy.py"),
     "mechanism": "tanh derivative of the scale head taken at the pre-activation r "
                  "(1 - r**2) instead of at s = tanh(r) (1 - s**2)",
     "expected": ("tanh", "derivative", "pre-activation", "preactivation", "scale")},
    {"id": "UY10", "side": "numpy", "args": ring(numpy="10_nologdetgrad_numpy.py"),
     "mechanism": "the log-determinant's gradient (-1/N on every s) left out of ds: only the "
                  "path through exp(s) reaches the scale head",
     "expected": ("log-det", "logdet", "determinant", "missing", "scale")},
    {"id": "UY11", "side": "numpy", "args": ring(numpy="11_epssqrt_numpy.py"),
     "mechanism": "Adam denominator sqrt(v_hat + eps) (eps inside the square root) instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "denominator")},
    {"id": "UY12", "side": "numpy", "args": moons(numpy="12_nocondpath_numpy.py"),
     "mechanism": "the gradient through the conditioner MLP back into its input "
                  "((dpre W1^T) * mask) left out: the kept coordinates get only the identity path",
     "expected": ("conditioner", "input", "missing", "path", "mask")},
    {"id": "UY13", "side": "numpy", "args": moons(numpy="13_velreset_numpy.py"),
     "mechanism": "momentum velocity re-created as zeros at the start of every train_step: "
                  "plain SGD, the momentum never carried",
     "expected": ("momentum", "velocity", "reset", "carried", "state")},
    {"id": "UY14", "side": "numpy", "args": moons(numpy="14_logdetmask_numpy.py"),
     "mechanism": "log-determinant summed over the unmasked scale (scale * tanh(r) on every "
                  "coordinate, the kept one included), backward consistent with it",
     "expected": ("mask", "log-det", "logdet", "determinant", "unmasked")},
    {"id": "UY15", "side": "numpy", "args": mix6(numpy="15_permgather_numpy.py"),
     "mechanism": "backward through the permutation uses the forward gather dx[:, perm] instead "
                  "of the inverse (scatter dy[:, perm] = dx)",
     "expected": ("permutation", "inverse", "perm", "scatter", "index")},
    {"id": "UY16", "side": "numpy", "args": mix6(numpy="16_skiplayer0_numpy.py"),
     "mechanism": "backward loop range(n_layers - 1, 0, -1) stops before layer 0: the first "
                  "coupling's gradients stay zero (only weight decay moves it)",
     "expected": ("off-by-one", "layer 0", "first layer", "zero", "missing", "c0")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UY17", "side": "correct", "args": ring(numpy="ring_alt_numpy.py", cls="RingFlowInv"),
     "mechanism": "correct: einsum everywhere, reversal by an index array, backward recovers each "
                  "layer's input by inverting the coupling, Adam in place with folded bias corrections",
     "expected": ()},
    {"id": "UY18", "side": "correct", "args": moons_flat(),
     "mechanism": "correct: one-module port with weights in the NumPy layout in nn.ParameterLists, "
                  "masks built in forward, base density from torch.distributions.Normal",
     "expected": ()},
    {"id": "UY19", "side": "correct",
     "args": mix6(numpy="mix6_alt_numpy.py", cls="Mix6FlowT", layout=""),
     "mechanism": "correct: NumPy flow with weights kept (out, in), permutations as one-hot "
                  "matrices (x @ P, backward g @ P.T), AdamW with in-place moments",
     "expected": ()},
]
