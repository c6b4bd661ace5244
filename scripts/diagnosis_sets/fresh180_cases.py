"""One hundred and eightieth fresh held-out set for the diagnosis: one planted bug per program in
fresh180/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is gated residual MLPs
written by hand: highway layers and SwiGLU blocks on a residual stream, pre-LayerNorm, tanh-GELU
or SiLU, fixed dropout keep-masks, trained with AdamW and a cosine learning-rate schedule with a
linear warm-up, once with gradient accumulation over two micro-batches per step.

The base programs (data and masks from fresh180/make_data.py, fixed seed, nothing random while
training):

    highway_numpy.py:HighwayNet / highway_torch.py:HighwayNet, highway.npz X (32, 6),
        y (32,) in {0, 1, 2}; highway_masks.npz keep-masks (3, 2, 32, 16), used in turn by step
        dense 6->16; 2 highway blocks: u = LayerNorm(h), H = gelu_tanh(u W_h + b_h) * mask / 0.8,
        T = sigmoid(u W_t + b_t) (b_t starts at -1), h = T H + (1 - T) h; final LayerNorm; dense
        16->3; softmax cross-entropy (mean). AdamW (0.9, 0.999, eps 1e-8), decoupled weight decay
        0.05 on the weight matrices only (torch: two parameter groups); lr 3e-3 with linear warm-up
        over 4 updates then cosine to 0 at update 40 (torch: set by hand on the groups each step).
        NumPy: flat dict params['blk0.W_h'] (in, out); torch: nn.Linear, nn.LayerNorm, ModuleList.
    glu_numpy.py:GLUResMLP / glu_torch.py:GLUResMLP, glu.npz X (48, 5), y (48, 2) float;
        glu_masks.npz keep-masks (2, 2, 24, 24), one per micro-batch and block
        dense 5->12; 2 residual SwiGLU blocks: u = LayerNorm(h), [a | g] = u W_up + b_up (fused
        12->48, value half first), z = a * silu(g) * mask / 0.9, h = h + z W_down + b_down; dense
        12->2; MSE (mean). Each step: two micro-batches of 24 rows, each loss / 2, gradients summed,
        one AdamW update (weight decay 0.01 on everything); lr 5e-3, warm-up over 3 updates then
        cosine to 0.1 of the peak at update 30 (torch: LambdaLR).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh180_cases

Each case:
    id          short name (prefixed UX)
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

F = "scripts/diagnosis_sets/fresh180/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def highway(numpy="highway_numpy.py", port="highway_torch.py", cls="HighwayNet"):
    pairs = ["params['W_in']=inp.weight.T", "params['b_in']=inp.bias"]
    for l in range(2):
        pairs += [f"params['blk{l}.ln_g']=blocks.{l}.ln.weight",
                  f"params['blk{l}.ln_b']=blocks.{l}.ln.bias",
                  f"params['blk{l}.W_h']=blocks.{l}.H.weight.T",
                  f"params['blk{l}.b_h']=blocks.{l}.H.bias",
                  f"params['blk{l}.W_t']=blocks.{l}.T.weight.T",
                  f"params['blk{l}.b_t']=blocks.{l}.T.bias"]
    pairs += ["params['lnf_g']=ln_f.weight", "params['lnf_b']=ln_f.bias",
              "params['W_out']=head.weight.T", "params['b_out']=head.bias"]
    args = [F + numpy + ":" + cls, "--torch", F + port + ":HighwayNet",
            "--data", F + "highway.npz", "--as-written"]
    for p in pairs:
        args += ["--param", p]
    return args + RUN


def glu(numpy="glu_numpy.py", port="glu_torch.py"):
    pairs = ["params['W_in']=inp.weight.T", "params['b_in']=inp.bias"]
    for l in range(2):
        pairs += [f"params['b{l}_ln_w']=blocks.{l}.norm.weight",
                  f"params['b{l}_ln_b']=blocks.{l}.norm.bias",
                  f"params['b{l}_W_up']=blocks.{l}.up.weight.T",
                  f"params['b{l}_b_up']=blocks.{l}.up.bias",
                  f"params['b{l}_W_down']=blocks.{l}.down.weight.T",
                  f"params['b{l}_b_down']=blocks.{l}.down.bias"]
    pairs += ["params['W_head']=head.weight.T", "params['b_head']=head.bias"]
    args = [F + numpy + ":GLUResMLP", "--torch", F + port + ":GLUResMLP",
            "--data", F + "glu.npz", "--as-written"]
    for p in pairs:
        args += ["--param", p]
    return args + RUN


def glu_raw_port():
    pairs = ["params['W_in']=inp_w", "params['b_in']=inp_b"]
    for l in range(2):
        pairs += [f"params['b{l}_ln_w']=blocks.{l}.ln_w", f"params['b{l}_ln_b']=blocks.{l}.ln_b",
                  f"params['b{l}_W_up']=blocks.{l}.w_up", f"params['b{l}_b_up']=blocks.{l}.b_up",
                  f"params['b{l}_W_down']=blocks.{l}.w_down",
                  f"params['b{l}_b_down']=blocks.{l}.b_down"]
    pairs += ["params['W_head']=head_w", "params['b_head']=head_b"]
    args = [F + "glu_numpy.py:GLUResMLP", "--torch", F + "glu_alt_torch.py:GLUResMLPRaw",
            "--data", F + "glu.npz", "--as-written"]
    for p in pairs:
        args += ["--param", p]
    return args + RUN


def glu_torch_layout_numpy():
    names = ["inp.weight", "inp.bias"]
    for l in range(2):
        names += [f"blocks.{l}.norm.weight", f"blocks.{l}.norm.bias", f"blocks.{l}.up.weight",
                  f"blocks.{l}.up.bias", f"blocks.{l}.down.weight", f"blocks.{l}.down.bias"]
    names += ["head.weight", "head.bias"]
    args = [F + "glu_alt_numpy.py:GLUNetT", "--torch", F + "glu_torch.py:GLUResMLP",
            "--data", F + "glu.npz", "--as-written"]
    for n in names:
        args += ["--param", f"params['{n}']={n}"]
    return args + RUN


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UX01", "side": "port", "args": highway(port="01_geluexact_port.py"),
     "mechanism": "F.gelu(x) with the default approximate='none' (exact erf GELU) where the NumPy "
                  "program uses the tanh approximation (approximate='tanh')",
     "expected": ("gelu", "tanh", "approximate", "erf", "activation")},
    {"id": "UX02", "side": "port", "args": highway(port="02_decayall_port.py"),
     "mechanism": "AdamW over model.parameters() in one group with weight_decay=0.05: biases and "
                  "LayerNorm gains/shifts decayed too, where the NumPy program decays only weight matrices",
     "expected": ("weight decay", "weight_decay", "bias", "layernorm", "param group", "no_decay")},
    {"id": "UX03", "side": "port", "args": highway(port="03_gateswap_port.py"),
     "mechanism": "highway mix with the gates swapped: t * h + (1 - t) * H instead of "
                  "t * H + (1 - t) * h (the transform gate used as the carry gate)",
     "expected": ("gate", "carry", "swapped", "highway", "transform")},
    {"id": "UX04", "side": "port", "args": highway(port="04_dropscale_port.py"),
     "mechanism": "fixed dropout keep-mask applied without the inverted-dropout rescale 1/(1-p) "
                  "(H * keep instead of H * keep / 0.8)",
     "expected": ("dropout", "1/(1-p)", "scale", "keep", "mask", "inverted")},
    {"id": "UX05", "side": "port", "args": glu(port="05_zerogradloop_port.py"),
     "mechanism": "optimizer.zero_grad() inside the micro-batch loop: the first micro-batch's "
                  "gradient is wiped, only the second one's reaches the AdamW step",
     "expected": ("zero_grad", "accumulat", "micro-batch", "micro batch", "first half")},
    {"id": "UX06", "side": "port", "args": glu(port="06_warmup_port.py"),
     "mechanism": "LambdaLR warm-up factor step / warmup instead of (step + 1) / warmup: off by one, "
                  "the first update made with lr 0 and the warm-up one update late",
     "expected": ("warm-up", "warmup", "schedule", "off-by-one", "off by one", "learning rate")},
    {"id": "UX07", "side": "port", "args": glu(port="07_chunkorder_port.py"),
     "mechanism": "fused GLU projection chunked in the wrong order: g, a = up(u).chunk(2), the "
                  "first half taken as the SiLU gate and the second as the value",
     "expected": ("gate", "chunk", "swapped", "value", "glu", "order")},
    {"id": "UX08", "side": "port", "args": glu(port="08_normresidual_port.py"),
     "mechanism": "the residual added to the normalised input: h = norm(h); h = h + down(...), "
                  "so the skip path carries LayerNorm(h) instead of h (pre-LN residual broken)",
     "expected": ("residual", "layernorm", "layer norm", "pre-ln", "normalized", "skip")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UX09", "side": "numpy", "args": highway(numpy="09_geluderiv_numpy.py"),
     "mechanism": "tanh-GELU derivative without the inner factor (1 + 3 * 0.044715 x^2): the "
                  "chain rule through the cubic term left out",
     "expected": ("gelu", "derivative", "0.044715", "cubic", "activation-derivative")},
    {"id": "UX10", "side": "numpy", "args": highway(numpy="10_lnback_numpy.py"),
     "mechanism": "LayerNorm backward without the - xhat * mean(dxhat * xhat) term (the variance's "
                  "gradient path), in every LayerNorm",
     "expected": ("layernorm", "layer norm", "backward", "xhat", "variance", "normaliz")},
    {"id": "UX11", "side": "numpy", "args": highway(numpy="11_carrygrad_numpy.py"),
     "mechanism": "highway backward passes the gradient through the carry path unscaled "
                  "(dh_carry = dh instead of dh * (1 - T))",
     "expected": ("carry", "gate", "1 - t", "residual", "highway")},
    {"id": "UX12", "side": "numpy", "args": highway(numpy="12_coupledwd_numpy.py"),
     "mechanism": "weight decay coupled: wd * w added to the gradient before the Adam moments "
                  "(Adam + L2) instead of AdamW's decoupled w *= 1 - lr * wd",
     "expected": ("weight decay", "decoupled", "coupled", "l2", "adamw")},
    {"id": "UX13", "side": "numpy", "args": highway(numpy="13_dropback_numpy.py"),
     "mechanism": "dropout keep-mask applied in the forward pass but left out of the backward "
                  "(dH = dh * T / 0.8, dropped units still get gradient)",
     "expected": ("dropout", "mask", "backward", "keep", "dropped")},
    {"id": "UX14", "side": "numpy", "args": glu(numpy="14_msegrad_numpy.py"),
     "mechanism": "MSE gradient without the factor 2: d loss / d out = diff / n instead of "
                  "2 diff / n (every gradient half)",
     "expected": ("factor of 2", "factor 2", "mse", "half", "squared error")},
    {"id": "UX15", "side": "numpy", "args": glu(numpy="15_siluderiv_numpy.py"),
     "mechanism": "SiLU derivative taken as g * s * (1 - s): the product rule's s term left out "
                  "(correct: s * (1 + g * (1 - s)))",
     "expected": ("silu", "swish", "derivative", "sigmoid", "product rule")},
    {"id": "UX16", "side": "numpy", "args": glu(numpy="16_epssqrt_numpy.py"),
     "mechanism": "AdamW epsilon inside the square root: sqrt(v_hat + eps) instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UX17", "side": "correct",
     "args": highway(numpy="highway_alt_numpy.py", cls="HighwayNetES"),
     "mechanism": "correct: highway net with einsum products, h + T (H - h), LayerNorm backward "
                  "through dvar/dmean, pre-scaled masks, in-place AdamW with the bias corrections "
                  "folded into the step size and eps",
     "expected": ()},
    {"id": "UX18", "side": "correct", "args": glu_raw_port(),
     "mechanism": "correct: port with raw nn.Parameters kept (in, out), F.layer_norm, addmm, the "
                  "two micro-batch losses summed into one backward, lr set by hand",
     "expected": ()},
    {"id": "UX19", "side": "correct", "args": glu_torch_layout_numpy(),
     "mechanism": "correct: NumPy GLU net with weights in torch's (out, in) layout under torch's "
                  "names, per-micro-batch gradient dicts summed, 0.5-mean loss per half, in-place "
                  "np ufunc AdamW",
     "expected": ()},
]
