"""Seventy-fourth fresh held-out set for the diagnosis: one planted bug per program in fresh74/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is small character-level language models written by hand: an embedding table, a
recurrent cell unrolled over a short window with backpropagation through time written out, a
softmax cross-entropy over the vocabulary at every position, and the training details users add.
Three families: a min-char-rnn style vanilla tanh RNN (summed cross-entropy, gradients clipped
elementwise to [-5, 5], Adagrad); a GRU in torch.nn.GRU's gate convention (mean cross-entropy,
global-norm clipping at 0.1, RMSprop with alpha 0.9, the learning rate decayed by 0.9 every step);
a tanh RNN over boundary-delimited names with tied input/output embeddings, a learned initial
state, padding masked out of the mean cross-entropy, SGD with momentum and the learning rate
halved every 8 steps. The ports use nn.Embedding, nn.Linear cells, nn.GRU / nn.GRUCell,
F.cross_entropy, clip_grad_value_ / clip_grad_norm_, torch.optim.Adagrad / RMSprop / SGD and
ExponentialLR / StepLR / LambdaLR. fresh74/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh74_cases

Each case:
    id          short name (prefixed QV)
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

F = "scripts/diagnosis_sets/fresh74/"

TEXT, NAMES = F + "text.npz", F + "names.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


RNN_ARGS = ("--data", TEXT)
RNN_PARAMS = params("params['E']=emb.weight", "params['Wxh']=i2h.weight.T", "params['bh']=i2h.bias",
                    "params['Whh']=h2h.weight.T", "params['Why']=h2o.weight.T",
                    "params['by']=h2o.bias") + ["--state", "sum=net.mem"]
RNN_ONEHOT_PARAMS = params("E=emb.weight", "Wxh=i2h.weight.T", "bh=i2h.bias", "Whh=h2h.weight.T",
                           "Why=h2o.weight.T", "by=h2o.bias")
GRU_ARGS = ("--data", TEXT)
GRU_PARAMS = params("params['E']=emb.weight", "params['W_ih']=gru.weight_ih_l0.T",
                    "params['W_hh']=gru.weight_hh_l0.T", "params['b_ih']=gru.bias_ih_l0",
                    "params['b_hh']=gru.bias_hh_l0", "params['W_out']=out.weight.T",
                    "params['b_out']=out.bias") + ["--state", "square_avg=net.sq"]
GRU_CELL_PARAMS = params("params['E']=table", "params['W_ih']=cell.weight_ih.T", "params['W_hh']=cell.weight_hh.T",
                         "params['b_ih']=cell.bias_ih", "params['b_hh']=cell.bias_hh", "params['W_out']=w_out.T",
                         "params['b_out']=b_out") + ["--state", "square_avg=net.sq"]
TIED_ARGS = ("--data", NAMES)
TIED_PARAMS = params("params['E']=emb.weight", "params['Wx']=wx.weight.T", "params['b']=wx.bias",
                     "params['Wh']=wh.weight.T", "params['h0']=h0", "params['Wp']=proj.weight.T",
                     "params['bo']=out_bias")
TIED_SHARED_PARAMS = params("params['E']=emb.weight", "params['Wx']=inp.weight.T", "params['b']=inp.bias",
                            "params['Wh']=rec", "params['h0']=start", "params['Wp']=proj.weight.T",
                            "params['bo']=decoder.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QV01_charrnn_stack_time_major", side="port",
         args=pair("charrnn_numpy.py", "CharRNN", "01_charrnn_stack_port.py", "CharRNN", *RNN_ARGS, *RNN_PARAMS),
         mechanism="pair: the port stacks its per-position logits with torch.stack(outs), dim=0 by default, a "
                   "time-major (T, n, V) tensor, then flattens it with reshape(-1, V) against the batch-major "
                   "y.reshape(-1): each row of logits is scored against another position's target, so the loss "
                   "and every gradient differ (the forward states are right, the pairing of logits and targets "
                   "is not)",
         expected=("torch.stack", "stack", "dim=1", "dim=0", "time-major", "batch-major", "batch first",
                   "transpose", "reshape", "flatten", "targets", "misaligned", "wrong position", "permut",
                   "order", "layout")),
    dict(id="QV02_charrnn_clip_norm_not_value", side="port",
         args=pair("charrnn_numpy.py", "CharRNN", "02_charrnn_clip_norm_port.py", "CharRNN", *RNN_ARGS, *RNN_PARAMS),
         mechanism="pair: the NumPy program's np.clip(g, -5, 5) (clipping each gradient element) is ported as "
                   "clip_grad_norm_(parameters, 5), which rescales all gradients together so their global L2 "
                   "norm is at most 5: the clipped gradients, the Adagrad sums and the updates differ",
         expected=("clip_grad_norm_", "clip_grad_value_", "clip", "clipping", "elementwise", "element-wise",
                   "global norm", "l2 norm", "norm", "by value", "np.clip", "rescal", "5", "gradient clipping")),
    dict(id="QV03_gru_batch_first_default", side="port",
         args=pair("gru_numpy.py", "GRULM", "03_gru_batch_first_port.py", "GRULM", *GRU_ARGS, *GRU_PARAMS),
         mechanism="pair: the port builds nn.GRU(D, H) without batch_first=True and feeds it the batch-first "
                   "(n, T, D) embeddings: the GRU reads the batch axis as time and the positions as the batch, "
                   "so the recurrence runs across different windows instead of along each window; states, "
                   "logits, loss and all gradients differ",
         expected=("batch_first", "batch first", "nn.gru", "gru", "default", "sequence first", "time axis",
                   "batch axis", "seq_len", "recurrence", "wrong axis", "transpose", "layout", "dimension")),
    dict(id="QV04_gru_embedding_max_norm", side="port",
         args=pair("gru_numpy.py", "GRULM", "04_gru_emb_max_norm_port.py", "GRULM", *GRU_ARGS, *GRU_PARAMS),
         mechanism="pair: the port passes the gradient-clipping constant to the embedding, "
                   "nn.Embedding(V, D, max_norm=MAX_NORM): every looked-up row whose L2 norm exceeds 0.1 is "
                   "renormalised (rescaled in place in the weight) to norm 0.1 during the forward pass, so the GRU "
                   "inputs are shrunk and the embedding table is changed outside the optimizer",
         expected=("max_norm", "nn.embedding", "embedding", "renormaliz", "renormalis", "norm", "rescal",
                   "in place", "in-place", "rows", "lookup", "0.1", "clipping constant", "shrunk", "forward")),
    dict(id="QV05_gru_clip_gru_params_only", side="port",
         args=pair("gru_numpy.py", "GRULM", "05_gru_clip_subset_port.py", "GRULM", *GRU_ARGS, *GRU_PARAMS),
         mechanism="pair: the port clips only model.gru.parameters(): the global norm is computed over the GRU "
                   "weights alone and only they are rescaled, while the embedding and the output layer keep "
                   "their unclipped gradients (the NumPy program clips all parameters by one norm over all), so "
                   "those gradients, their RMSprop averages and updates differ and the GRU's scale differs too",
         expected=("clip_grad_norm_", "clip", "clipping", "global norm", "subset", "some parameters",
                   "model.gru.parameters", "parameters()", "embedding", "output layer", "unclipped", "norm",
                   "all parameters", "scale factor")),
    dict(id="QV06_tied_unmasked_mean", side="port",
         args=pair("tied_numpy.py", "TiedNameRNN", "06_tied_unmasked_port.py", "TiedNameRNN", *TIED_ARGS, *TIED_PARAMS),
         mechanism="pair: the port takes nll.mean() over all n * T positions instead of the masked mean "
                   "(nll * mask).sum() / mask.sum(): the padding targets after each name's closing '.' are "
                   "scored as real targets (predict the pad id) and the divisor is every position, so the loss "
                   "and every gradient differ",
         expected=("mask", "masked", "padding", "pad", "ignore_index", "mean", "all positions", "divisor",
                   "count", "reduction", "normaliz", "padded targets", "sequence length", "loss")),
    dict(id="QV07_tied_detach_hidden", side="port",
         args=pair("tied_numpy.py", "TiedNameRNN", "07_tied_detach_port.py", "TiedNameRNN", *TIED_ARGS, *TIED_PARAMS),
         mechanism="pair: the port feeds h.detach() into the recurrent layer, cutting the graph at every step: "
                   "backpropagation through time is truncated to one step, so no gradient flows to earlier "
                   "positions through Wh (Wh, Wx, b and the input-side embedding gradients lose their "
                   "long-range terms) and the learned initial state h0 gets no gradient at all; forward and "
                   "loss are right",
         expected=("detach", "truncat", "bptt", "backpropagation through time", "graph", "hidden state",
                   "recurren", "no gradient", "h0", "initial state", "one step", "cut", "stop gradient",
                   "through time")),
    dict(id="QV08_tied_steplr_default_gamma", side="port",
         args=pair("tied_numpy.py", "TiedNameRNN", "08_tied_steplr_port.py", "TiedNameRNN", *TIED_ARGS, *TIED_PARAMS),
         mechanism="pair: the port's StepLR(optimizer, step_size=8) leaves gamma at its default 0.1 instead "
                   "of 0.5: the first 8 updates agree, then the learning rate drops to a tenth instead of a half "
                   "(and to a hundredth instead of a quarter after 16), so every update is 5 times too small "
                   "from step 9 and 25 times from step 17, while the gradients and momentum buffers agree",
         expected=("steplr", "gamma", "0.1", "0.5", "default", "learning rate", "schedule", "scheduler",
                   "decay", "step_size", "lr", "step 9", "5 times", "too small")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QV09_charrnn_tanh_prev_state", side="numpy",
         args=pair("09_charrnn_tanh_index_numpy.py", "CharRNN", "charrnn_torch.py", "CharRNN", *RNN_ARGS, *RNN_PARAMS),
         mechanism="pair: the backward pass takes the tanh derivative at the previous step's state, "
                   "1 - hs[t-1]**2, instead of at the state the step produced, 1 - hs[t]**2 (an off-by-one in "
                   "the cached states; at t = 0 it reads the zero initial state and uses 1): every gradient "
                   "through the recurrence (bh, Wxh, Whh, E) is wrong, Why and by are right",
         expected=("tanh", "derivative", "1 - h", "off-by-one", "off by one", "previous", "h_{t-1}", "hs[t",
                   "cache", "cached state", "index", "time step", "backward", "bptt", "wrong state")),
    dict(id="QV10_charrnn_softmax_max_axis", side="numpy",
         args=pair("10_charrnn_softmax_axis_numpy.py", "CharRNN", "charrnn_torch.py", "CharRNN", *RNN_ARGS, *RNN_PARAMS),
         mechanism="pair: the softmax's stabilising shift subtracts z.max(axis=0), each vocabulary column's "
                   "maximum over the batch, instead of each row's maximum (axis=1): a different constant per "
                   "class changes the row's softmax, so the probabilities, the loss and every gradient differ",
         expected=("softmax", "max", "axis", "axis=0", "axis=1", "wrong axis", "stabiliz", "stabilis",
                   "shift", "subtract", "column", "row", "per class", "logsumexp", "probabilities")),
    dict(id="QV11_charrnn_clip_result_discarded", side="numpy",
         args=pair("11_charrnn_clip_discard_numpy.py", "CharRNN", "charrnn_torch.py", "CharRNN", *RNN_ARGS, *RNN_PARAMS),
         mechanism="pair: np.clip(g, -5, 5) is called without out=g and its result thrown away, so the "
                   "gradients are never clipped: elements beyond +-5 go unclipped into the Adagrad sums and "
                   "the updates (the torch port's clip_grad_value_ clamps them in place)",
         expected=("clip", "np.clip", "out=", "in place", "in-place", "discarded", "return value", "no-op",
                   "never clipped", "unclipped", "clip_grad_value_", "5", "clamp", "gradient clipping")),
    dict(id="QV12_gru_reset_gate_factor", side="numpy",
         args=pair("12_gru_reset_factor_numpy.py", "GRULM", "gru_torch.py", "GRULM", *GRU_ARGS, *GRU_PARAMS),
         mechanism="pair: in the GRU backward the hidden-side gradient of the candidate gate, the n block of "
                   "dgh, is dn_pre instead of dn_pre * r: the reset gate multiplies h W_hn + b_hn in the "
                   "forward pass, and its factor is left out of the chain rule, so W_hh's and b_hh's n columns "
                   "and the gradient flowing back to h_{t-1} (and so everything earlier) are wrong",
         expected=("reset gate", "reset", "r *", "gru", "candidate", "new gate", "missing factor", "factor",
                   "chain rule", "w_hn", "b_hh", "w_hh", "hidden", "backward", "multiplied")),
    dict(id="QV13_gru_rmsprop_coefficients_swapped", side="numpy",
         args=pair("13_gru_rmsprop_swap_numpy.py", "GRULM", "gru_torch.py", "GRULM", *GRU_ARGS, *GRU_PARAMS),
         mechanism="pair: the RMSprop average is written (1 - alpha) * sq + alpha * g**2 instead of "
                   "alpha * sq + (1 - alpha) * g**2: with alpha 0.9 the squared gradient gets weight 0.9 and "
                   "the history 0.1, so the square_avg state is about 9 times larger at step 1 and forgets "
                   "quickly, and every update is about 3 times smaller",
         expected=("rmsprop", "alpha", "square_avg", "swapped", "1 - alpha", "decay", "moving average",
                   "running average", "squared gradient", "coefficient", "smoothing", "second moment",
                   "history", "too small")),
    dict(id="QV14_tied_momentum_unused", side="numpy",
         args=pair("14_tied_momentum_step_numpy.py", "TiedNameRNN", "tied_torch.py", "TiedNameRNN", *TIED_ARGS, *TIED_PARAMS),
         mechanism="pair: the momentum buffer v = 0.9 v + g is updated but the step subtracts lr * g instead of "
                   "lr * v: the parameters take plain SGD steps while the velocity state is kept and agrees "
                   "with torch's momentum_buffer; from step 2 on every update misses the 0.9 v term",
         expected=("momentum", "velocity", "momentum_buffer", "buffer", "plain sgd", "raw gradient", "unused",
                   "update", "lr * v", "step 2", "never applied", "sgd", "heavy ball", "ignored")),
    dict(id="QV15_tied_mask_drops_end_token", side="numpy",
         args=pair("15_tied_mask_numpy.py", "TiedNameRNN", "tied_torch.py", "TiedNameRNN", *TIED_ARGS, *TIED_PARAMS),
         mechanism="pair: the target mask is arange(T) < length instead of <= length: the last real target "
                   "of every row, the closing '.' boundary (end-of-name token), is masked out of the loss and "
                   "out of the count, so the loss, its divisor and every gradient differ",
         expected=("mask", "off-by-one", "off by one", "<=", "length", "end token", "end-of-sequence",
                   "boundary", "closing", "eos", "last target", "count", "padding", "masked")),
    dict(id="QV16_tied_output_gradient_lost", side="numpy",
         args=pair("16_tied_shared_grad_numpy.py", "TiedNameRNN", "tied_torch.py", "TiedNameRNN", *TIED_ARGS, *TIED_PARAMS),
         mechanism="pair: the tied embedding table is used twice, as the input lookup and as the output "
                   "classifier (q @ E.T), but its gradient keeps only the lookup's part, dE_lookup, and drops "
                   "the output side's dlogits.T @ q: E gets a wrong gradient (forward, loss and every other "
                   "gradient right)",
         expected=("tied", "tying", "weight tying", "shared", "embedding", "output", "two uses", "both uses",
                   "sum of", "missing term", "dropped", "decoder", "e.t", "gradient accumulat")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QV17_charrnn_onehot_numpy", side="correct",
         args=pair("charrnn_onehot_numpy.py", "CharRNNOneHot", "charrnn_torch.py", "CharRNN", *RNN_ARGS,
                   *RNN_ONEHOT_PARAMS),
         mechanism="pair: the vanilla character RNN in NumPy with its parameters as attributes, the lookup as a "
                   "one-hot matrix product, the states in one (n, T + 1, H) array, np.einsum read-out and "
                   "gradients, log-softmax through log-sum-exp, clipping by np.minimum / np.maximum and Adagrad "
                   "in place; against the nn.Module port (its parameters are attributes, so the Adagrad state "
                   "is not paired with --state here)", expected=()),
    dict(id="QV18_gru_cell_port", side="correct",
         args=pair("gru_numpy.py", "GRULM", "gru_cell_torch.py", "GRUCellLM", *GRU_ARGS, *GRU_CELL_PARAMS),
         mechanism="pair: GRU port with nn.GRUCell stepped in a loop, F.embedding and F.linear on raw "
                   "Parameters, cross_entropy on the (n, V, T) layout, the global-norm clipping written with "
                   "torch.linalg.vector_norm, RMSprop(foreach=False) and a LambdaLR decay; against the "
                   "hand-written NumPy GRU", expected=()),
    dict(id="QV19_tied_shared_parameter_port", side="correct",
         args=pair("tied_numpy.py", "TiedNameRNN", "tied_shared_torch.py", "TiedShared", *TIED_ARGS,
                   *TIED_SHARED_PARAMS),
         mechanism="pair: tied-embedding port with decoder.weight = emb.weight (one shared Parameter), the "
                   "recurrent weight a raw (in, out) Parameter applied by torch.addmm, the start state repeated, "
                   "F.cross_entropy(ignore_index=0) in place of the length mask and a LambdaLR halving; against "
                   "the NumPy program's masked mean", expected=()),
]
